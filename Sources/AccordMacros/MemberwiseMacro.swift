import SwiftCompilerPlugin
import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// `@Memberwise`: the public initialiser taking every stored property in declaration order; a `var`'s initial value,
/// or nil for an optional `var`, is its parameter's default.
public struct MemberwiseMacro: MemberMacro {
    public static func expansion(
        of node: AttributeSyntax, providingMembersOf declaration: some DeclGroupSyntax,
        conformingTo protocols: [TypeSyntax], in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard declaration.is(StructDeclSyntax.self) else {
            throw MacroExpansionErrorMessage("@Memberwise applies to a struct")
        }
        let properties = try declaration.memberBlock.members.flatMap { member -> [StoredProperty] in
            guard let variable = member.decl.as(VariableDeclSyntax.self) else { return [] }
            return try StoredProperty.all(in: variable)
        }
        let parameters = properties.map(\.parameter).joined(separator: ", ")
        let body = properties.map { "self.\($0.name) = \($0.name)" }.joined(separator: "\n")
        return ["public init(\(raw: parameters)) {\n\(raw: body)\n}"]
    }
}

/// One stored property the initialiser sets.
struct StoredProperty {
    let name: String
    let type: String
    let defaultValue: String?

    var parameter: String {
        let escaping = type.hasPrefix("(") && type.contains("->") ? "@escaping " : ""
        return "\(name): \(escaping)\(type)" + (defaultValue.map { " = \($0)" } ?? "")
    }

    static func all(in variable: VariableDeclSyntax) throws -> [StoredProperty] {
        let modifiers = variable.modifiers.map(\.name.text)
        if modifiers.contains("static") || modifiers.contains("class") || modifiers.contains("lazy") { return [] }
        let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
        return try variable.bindings.compactMap { binding in
            if let accessors = binding.accessorBlock, !accessors.isObservers { return nil }
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.trimmedDescription else {
                throw MacroExpansionErrorMessage("@Memberwise needs a plain name for each stored property")
            }
            if isLet, binding.initializer != nil { return nil }
            guard let type = binding.typeAnnotation?.type.trimmedDescription else {
                throw MacroExpansionErrorMessage("@Memberwise needs the type of '\(name)' written out")
            }
            // As Swift's own memberwise initialiser: an optional `var` defaults to nil.
            let optionalVar = !isLet && binding.typeAnnotation?.type.is(OptionalTypeSyntax.self) == true
            let defaultValue = binding.initializer?.value.trimmedDescription ?? (optionalVar ? "nil" : nil)
            return StoredProperty(name: name, type: type, defaultValue: defaultValue)
        }
    }
}

extension AccessorBlockSyntax {
    /// `willSet`/`didSet` only: the property is still stored.
    fileprivate var isObservers: Bool {
        guard case .accessors(let list) = accessors else { return false }
        return list.allSatisfy { [.keyword(.willSet), .keyword(.didSet)].contains($0.accessorSpecifier.tokenKind) }
    }
}

@main
struct AccordMacrosPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [MemberwiseMacro.self]
}
