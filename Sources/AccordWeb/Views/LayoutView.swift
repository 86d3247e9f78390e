import AccordCore
import Foundation

/// A page model: whatever a page shows inside the shared layout.
protocol PageModel: Sendable {
    var layout: LayoutModel { get }
}

/// A page written in the typed view layer (`HTML`): its content is Swift code, checked by the compiler.
protocol HTMLPage: PageModel {
    /// The content of `<main>`, below the notice.
    var content: HTML { get }
}

/// The shared layout of every page, mustache pages included: head, top bar with navigation and account, the
/// notice of the last action, the page's content and the footer.
extension LayoutModel {
    func page(_ content: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Accord</title>
        <link rel="stylesheet" href="\(stylesheet)">
        <script src="\(Site.script.pattern)" defer></script>
        </head>
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="topbar">
          <div class="topbar-inner">
            <a class="brand" href="\(Site.alliances.pattern)"><span class="brand-mark" aria-hidden="true">A</span> Accord</a>
        \(if: signedIn, account)
          </div>
        </header>
        <main id="main" tabindex="-1">
        \(some: notice, { "  <div class=\"notice\" role=\"status\">\($0)</div>\n" })\(content)
        </main>
        <footer class="footer"><p>Accord · alliance management for biopharma</p></footer>
        </body>
        </html>
        """
    }

    private var account: HTML {
        """
            <nav aria-label="Main">
              <ul class="nav">
                \(each: nav, { item in "<li><a href=\"\(item.href)\"\(if: item.current, " aria-current=\"page\"")>\(item.label)</a></li>" })
              </ul>
            </nav>
            <div class="account">
              <span class="who">\(userName) <span class="role">\(roleLabel)</span></span>
              <form method="post" action="\(signOut)" class="inline">
                \(csrfField)
                <button type="submit" class="button ghost small">Sign out</button>
              </form>
            </div>
        """
    }

    /// The hidden field every form that posts carries (the same as `partials/csrf.mustache`).
    var csrfField: HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">" }
}
