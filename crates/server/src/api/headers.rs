//! The security headers every answer carries: no content sniffing, no referrer, never
//! framed, and a Content-Security-Policy — the web app's own for its pages, "nothing at
//! all" for everything else. The web app's page has inline scripts (dx writes the one
//! that loads the wasm, with hashed file names), so its policy allows exactly those, by
//! their SHA-256 read from the built `index.html` at start, and no other inline code.

use std::path::Path;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

/// The policy of anything that is not the web app's page: JSON, files, streams.
const NOTHING: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The policies, made once at start.
#[derive(Debug, Clone)]
pub struct Policies {
    page: HeaderValue,
    console: HeaderValue,
}

impl Policies {
    /// The policies for the web app and the console built into these folders (or for
    /// none).
    pub fn for_sites(web_app: Option<&Path>, console: Option<&Path>) -> Policies {
        Policies {
            page: site_policy(web_app),
            console: site_policy(console),
        }
    }
}

/// The policy of the page in `dir`'s index.html.
fn site_policy(dir: Option<&Path>) -> HeaderValue {
    let html = dir
        .and_then(|d| std::fs::read_to_string(d.join("index.html")).ok())
        .unwrap_or_default();
    HeaderValue::from_str(&page_policy(&html)).unwrap_or(HeaderValue::from_static(NOTHING))
}

/// The web app's policy: its own origin for everything, the wasm compiled
/// (`wasm-unsafe-eval` allows WebAssembly and not `eval`), the page's own inline scripts
/// and styles by hash, photos shown from `blob:` and `data:` URLs.
pub fn page_policy(html: &str) -> String {
    let scripts = inline_hashes(html, "script");
    let styles = inline_hashes(html, "style");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self'{styles}; img-src 'self' blob: data:; connect-src 'self'; \
         font-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// `' sha256-…'` for each inline element `tag` of the page (those without `src`).
fn inline_hashes(html: &str, tag: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut hashes = String::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find(&open).map(|i| at + i) {
        let Some(head_end) = lower[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(end) = lower[head_end..].find(&close).map(|i| head_end + i) else {
            break;
        };
        if !lower[start..head_end].contains(" src=") {
            let digest = Sha256::digest(&html.as_bytes()[head_end..end]);
            hashes.push_str(&format!(" 'sha256-{}'", STANDARD.encode(digest)));
        }
        at = end;
    }
    hashes
}

/// Adds the headers to every answer that has not set its own.
pub async fn add(State(policies): State<Policies>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let is_api = path == "/v1" || path.starts_with("/v1/");
    let in_console = path
        .strip_prefix(super::CONSOLE_PATH)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // A reload revalidates the page: the 304 has no content type, and a browser takes
    // its policy for the page it keeps, so it must be the page's policy too.
    let is_page = is_html || (!is_api && response.status() == StatusCode::NOT_MODIFIED);
    let headers: &mut HeaderMap = response.headers_mut();
    let policy = if is_page && in_console {
        policies.console.clone()
    } else if is_page {
        policies.page.clone()
    } else {
        HeaderValue::from_static(NOTHING)
    };
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(policy);
    headers
        .entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    headers
        .entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("no-referrer"));
    // For browsers older than frame-ancestors.
    headers
        .entry(header::X_FRAME_OPTIONS)
        .or_insert(HeaderValue::from_static("DENY"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_inline_scripts_are_allowed_by_hash_and_nothing_else_inline() {
        let html = r#"<html><head><link rel="stylesheet" href="/assets/app.css">
            <script type="module" src="/wasm/app.js"></script>
            <SCRIPT type="module">import init from "/wasm/app.js"; init();</SCRIPT>
            </head><body><div id="main"></div></body></html>"#;
        let policy = page_policy(html);
        let digest = STANDARD.encode(Sha256::digest(
            br#"import init from "/wasm/app.js"; init();"#,
        ));
        assert!(policy.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-{digest}';"
        )));
        assert_eq!(policy.matches("sha256-").count(), 1, "{policy}");
        assert!(policy.contains("style-src 'self';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
        // No page at all: nothing inline is allowed.
        assert!(!page_policy("").contains("sha256"));
    }
}
