import Foundation

/// The directory lists' page links: the list's address with the page and the filters that are set.
enum DirectoryPaging {
    static func href(_ route: SiteRoute<Void>, page: Int, _ filters: [(String, String?)]) -> String {
        var components = URLComponents()
        components.queryItems =
            [URLQueryItem(name: "page", value: String(page))]
            + filters.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        return route.pattern + "?" + (components.percentEncodedQuery ?? "")
    }
}
