//! The OpenAPI document covers every route the router has, and nothing it lacks.

mod helpers;

use helpers::TestServer;

/// Every route of the service, as the API promises it.
const ROUTES: &[(&str, &str)] = &[
    ("GET", "/v1/openapi.json"),
    ("GET", "/v1/topics"),
    ("POST", "/v1/sessions"),
    ("DELETE", "/v1/sessions/current"),
    ("DELETE", "/v1/sessions"),
    ("GET", "/v1/account"),
    ("POST", "/v1/attachments"),
    ("GET", "/v1/attachments/{id}"),
    ("POST", "/v1/cases"),
    ("POST", "/v1/cases/batch"),
    ("GET", "/v1/cases"),
    ("GET", "/v1/cases/{id}"),
    ("GET", "/v1/cases/{case_id}/attachments/{id}"),
    ("GET", "/v1/cases/{id}/timeline"),
    ("POST", "/v1/cases/{id}/messages"),
    ("POST", "/v1/cases/{id}/resolution"),
    ("POST", "/v1/cases/{id}/mediation"),
    ("GET", "/v1/events"),
    ("GET", "/v1/handler/cases"),
    ("GET", "/v1/handler/cases/{id}"),
    ("POST", "/v1/handler/cases/{id}/acknowledge"),
    ("POST", "/v1/handler/cases/{id}/messages"),
    ("POST", "/v1/handler/cases/{id}/resolve"),
    ("POST", "/v1/handler/cases/{id}/close"),
];

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

#[tokio::test]
async fn the_document_lists_exactly_the_routes_the_router_serves() {
    let app = TestServer::spawn().await;
    let anon = app.anonymous();
    let doc = anon.get("/v1/openapi.json").await;
    assert_eq!(doc.status, 200);
    assert!(doc.body["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc.body["paths"].as_object().expect("paths");

    let mut documented = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if item.get(method.to_lowercase()).is_some() {
                documented.push((method.to_string(), path.clone()));
            }
        }
    }
    let mut expected: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    documented.sort();
    expected.sort();
    assert_eq!(documented, expected);

    // Probe the router: on every documented path, each documented method is served (not
    // the router's 404 or 405), and every other method is refused with 405.
    let id = uuid::Uuid::new_v4().to_string();
    for path in paths.keys() {
        let url = path.replace("{id}", &id);
        for method in METHODS {
            let reply = anon.send(anon.request(method.parse().unwrap(), &url)).await;
            let is_documented = documented.contains(&(method.to_string(), path.clone()));
            if is_documented {
                assert!(
                    ![404, 405].contains(&reply.status),
                    "{method} {path} is documented but answered {}",
                    reply.status
                );
            } else {
                assert_eq!(
                    reply.status, 405,
                    "{method} {path} is served but undocumented"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_document_describes_errors_and_bearer_auth() {
    let app = TestServer::spawn().await;
    let doc = app.anonymous().get("/v1/openapi.json").await.body;
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in [
        "ErrorBody",
        "ErrorCode",
        "NewCase",
        "CaseDetail",
        "CaseEvent",
        "EventPage",
    ] {
        assert!(schemas.contains_key(schema), "{schema} missing");
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let create = &doc["paths"]["/v1/cases"]["post"];
    let params = create["parameters"].as_array().unwrap();
    assert!(
        params
            .iter()
            .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header")
    );
}
