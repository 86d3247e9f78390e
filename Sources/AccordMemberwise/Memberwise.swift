/// Writes a type's public memberwise initialiser: one parameter per stored property, in the order they are
/// declared, each assigned to its property. A `var` with an initial value gives its parameter that default, and an
/// optional `var` defaults to nil, as in Swift's own; a `let` with a value, a computed property and a `static` one
/// are left out.
///
/// Swift synthesises this initialiser only as `internal`, so a public type used from another module would otherwise
/// repeat its field list twice more (parameters and assignments). Write the initialiser by hand where it does more.
@attached(member, names: named(init))
public macro Memberwise() = #externalMacro(module: "AccordMacros", type: "MemberwiseMacro")
