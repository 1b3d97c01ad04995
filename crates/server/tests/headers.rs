//! What every answer says about itself to a browser: never sniffed, never framed, no
//! referrer, a Content-Security-Policy (the web app's own for its page, nothing for the
//! rest), and files as private downloads. Also: documented bounds are enforced.

mod helpers;

use base64::Engine;
use helpers::TestServer;
use sha2::{Digest, Sha256};

const LOADER: &str = r#"import init from "/wasm/app.js"; init("/wasm/app_bg.wasm");"#;

fn header<'a>(reply: &'a helpers::Reply, name: &str) -> &'a str {
    reply
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no {name} on an answer {}: {}", reply.status, reply.body))
}

fn assert_guarded(reply: &helpers::Reply) {
    assert_eq!(header(reply, "x-content-type-options"), "nosniff");
    assert_eq!(header(reply, "referrer-policy"), "no-referrer");
    assert_eq!(header(reply, "x-frame-options"), "DENY");
    let policy = header(reply, "content-security-policy");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(
        !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"),
        "{policy}"
    );
}

#[tokio::test]
async fn every_kind_of_answer_carries_the_security_headers() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("index.html"),
        format!(
            "<html><head><script type=\"module\">{LOADER}</script></head>\
             <body><div id=\"main\"></div></body></html>"
        ),
    )
    .unwrap();
    let app = TestServer::spawn_with(|c| c.web_app = Some(site.path().to_path_buf())).await;
    let partner = app.partner("anna@example.test").await;
    let case = partner.open_case("Headers").await;
    let photo = partner
        .send(
            partner
                .request(reqwest::Method::POST, "/v1/attachments")
                .header("Content-Type", "image/png")
                .body(include_bytes!("../../../fixtures/photo.png").to_vec()),
        )
        .await;
    assert_eq!(photo.status, 201, "{}", photo.body);
    let photo_id = photo.body["id"].as_str().unwrap().to_owned();

    let answers = [
        partner.get("/v1/account").await,
        partner.get(&format!("/v1/cases/{}", case.case.id)).await,
        app.anonymous().get("/v1/cases").await,
        partner.get("/v1/no-such-route").await,
        partner.get("/v1/openapi.json").await,
        partner.get(&format!("/v1/attachments/{photo_id}")).await,
        partner.get("/").await,
        partner.get("/help/articles").await,
    ];
    for reply in &answers {
        assert_guarded(reply);
    }

    // The page's policy allows its own loader script by hash, and WebAssembly.
    let page = &answers[6];
    let policy = header(page, "content-security-policy");
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER));
    assert!(policy.contains(&format!("'sha256-{digest}'")), "{policy}");
    assert!(policy.contains("'wasm-unsafe-eval'"), "{policy}");
    assert!(policy.contains("connect-src 'self'"), "{policy}");
    // A reload that revalidates the page keeps the page's policy.
    let modified = header(page, "last-modified").to_owned();
    let revalidated = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/")
                .header("If-Modified-Since", modified),
        )
        .await;
    assert_eq!(revalidated.status, 304);
    assert_eq!(header(&revalidated, "content-security-policy"), policy);
    // JSON allows nothing at all.
    let json_policy = header(&answers[0], "content-security-policy");
    assert!(
        json_policy.starts_with("default-src 'none'"),
        "{json_policy}"
    );

    // A photo is a private download under its id, never rendered in the origin.
    let file = &answers[5];
    assert_eq!(file.status, 200);
    assert_eq!(header(file, "content-type"), "image/png");
    assert_eq!(
        header(file, "content-disposition"),
        format!("attachment; filename=\"{photo_id}.png\"")
    );
    assert!(header(file, "cache-control").starts_with("private"));
    assert!(header(file, "content-security-policy").contains("sandbox"));
}

#[tokio::test]
async fn a_page_size_outside_its_documented_bounds_is_refused_not_changed() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    for (user, path) in [
        (&partner, "/v1/cases?limit=101"),
        (&partner, "/v1/cases?limit=0"),
        (&handler, "/v1/handler/cases?limit=1000"),
    ] {
        user.get(path).await.assert_error(400, "invalid_input");
    }
    let page = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/v1/events?limit=501")
                .header("Accept", "application/json"),
        )
        .await;
    page.assert_error(400, "invalid_input");
    // The bounds themselves are served.
    assert_eq!(partner.get("/v1/cases?limit=100").await.status, 200);
    assert_eq!(handler.get("/v1/handler/cases?limit=1").await.status, 200);
}

/// A built site: index.html whose inline loader says `name`, and one hashed asset.
fn site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("index.html"),
        format!("<html><head><script type=\"module\">load(\"{name}\");</script></head><body></body></html>"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/app-dxh1.js"), format!("// {name}")).unwrap();
    dir
}

#[tokio::test]
async fn the_console_is_served_under_its_path_with_its_own_policy_beside_the_app() {
    let (app_site, console_site) = (site("app"), site("console"));
    let (app_dir, console_dir) = (
        app_site.path().to_path_buf(),
        console_site.path().to_path_buf(),
    );
    let server = TestServer::spawn_with(move |c| {
        c.web_app = Some(app_dir);
        c.console_app = Some(console_dir);
    })
    .await;
    let get = async |path: &str| {
        let response = server
            .http
            .get(format!("{}{path}", server.base))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        (status, headers, response.text().await.unwrap())
    };
    let hash = |name: &str| {
        base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(format!("load(\"{name}\");")))
    };
    // The console's page, at its path and at any of its routes, with its own loader
    // allowed and the app's not.
    for path in [
        "/console",
        "/console/",
        "/console/cases/0190f3e2",
        "/console/views/new?x=1",
    ] {
        let (status, headers, body) = get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains("load(\"console\")"), "{path}: {body}");
        let policy = headers["content-security-policy"].to_str().unwrap();
        assert!(policy.contains(&hash("console")), "{path}: {policy}");
        assert!(!policy.contains(&hash("app")), "{path}: {policy}");
        assert!(policy.contains("frame-ancestors 'none'"));
    }
    // Its files, kept by browsers for good (their names change with their content).
    let (status, headers, body) = get("/console/assets/app-dxh1.js").await;
    assert_eq!((status, body.as_str()), (200, "// console"));
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    // The app keeps everything else, a look-alike path too; the API keeps its 404.
    for path in ["/", "/consoles", "/messages"] {
        let (status, headers, body) = get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains("load(\"app\")"), "{path}");
        let policy = headers["content-security-policy"].to_str().unwrap();
        assert!(policy.contains(&hash("app")), "{path}: {policy}");
    }
    let (status, _, body) = get("/v1/console").await;
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("not_found"), "{body}");
}
