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
    ("GET", "/v1/handler/queue"),
    ("GET", "/v1/handler/views"),
    ("GET", "/v1/handler/handlers"),
    ("GET", "/v1/handler/events"),
    ("POST", "/v1/handler/cases/{id}/notes"),
    ("PUT", "/v1/handler/cases/{id}/assignee"),
    ("GET", "/v1/handler/saved-replies"),
    ("POST", "/v1/handler/saved-replies"),
    ("PUT", "/v1/handler/saved-replies/{id}"),
    ("DELETE", "/v1/handler/saved-replies/{id}"),
    ("POST", "/v1/invitations"),
    ("POST", "/v1/password-resets"),
    ("POST", "/v1/password-links/check"),
    ("POST", "/v1/passwords"),
    ("PUT", "/v1/account/password"),
    ("GET", "/v1/push"),
    ("POST", "/v1/devices"),
    ("GET", "/v1/devices"),
    ("DELETE", "/v1/devices/{id}"),
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

#[tokio::test]
async fn every_operation_documents_what_its_shape_can_answer_and_its_parameters_exactly() {
    let app = TestServer::spawn().await;
    let doc = app.anonymous().get("/v1/openapi.json").await.body;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let name = format!("{method} {path}");
            let codes: Vec<&str> = op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            let has = |code: &str| codes.contains(&code);
            if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
                for code in ["401", "429", "503"] {
                    assert!(has(code), "{name} lacks {code}: {codes:?}");
                }
            }
            if op["requestBody"]["content"]
                .get("application/json")
                .is_some()
            {
                for code in ["400", "413", "415", "422"] {
                    assert!(has(code), "{name} lacks {code}: {codes:?}");
                }
            }
            for param in op["parameters"].as_array().into_iter().flatten() {
                let place = param["in"].as_str().unwrap();
                let pname = param["name"].as_str().unwrap();
                if place == "path" {
                    assert!(path.contains(&format!("{{{pname}}}")), "{name}: {pname}");
                    assert!(has("404"), "{name} lacks 404");
                } else {
                    let types = &param["schema"]["type"];
                    let nullable = types == "null"
                        || types
                            .as_array()
                            .is_some_and(|t| t.iter().any(|t| t == "null"));
                    assert!(!nullable, "{name}: {pname} may be null: {param}");
                }
                if place == "query" {
                    assert_eq!(param["required"], false, "{name}: {pname}");
                    assert!(has("400"), "{name} lacks 400");
                }
                if pname == "Idempotency-Key" {
                    assert!(param["schema"]["pattern"].is_string(), "{name}");
                    assert!(has("400") && has("422"), "{name}");
                }
            }
        }
    }
    // An upload is raw bytes under each kind it takes; the stream says how its events look.
    let upload = &doc["paths"]["/v1/attachments"]["post"]["requestBody"]["content"];
    assert_eq!(upload["image/jpeg"]["schema"]["format"], "binary");
    assert_eq!(upload["application/pdf"]["schema"]["format"], "binary");
    let stream =
        &doc["paths"]["/v1/events"]["get"]["responses"]["200"]["content"]["text/event-stream"];
    assert_eq!(
        stream["schema"]["properties"]["data"]["contentSchema"]["$ref"],
        "#/components/schemas/CaseEvent"
    );
}

#[tokio::test]
async fn what_the_document_bounds_the_server_refuses() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    for path in [
        "/v1/cases?cursor=-5",
        "/v1/cases?cursor=%2B5",
        "/v1/cases?cursor=1234567890123456789",
        "/v1/events?after=-1",
    ] {
        let reply = partner
            .send(
                partner
                    .request(reqwest::Method::GET, path)
                    .header("accept", "application/json"),
            )
            .await;
        reply.assert_error(400, "invalid_input");
    }
    let reply = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/v1/events")
                .header("accept", "application/json")
                .header("Last-Event-ID", "-1"),
        )
        .await;
    // A JSON page reads `after`, not the header; the stream refuses it.
    assert_eq!(reply.status, 200);
    let stream = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/v1/events")
                .header("accept", "text/event-stream")
                .header("Last-Event-ID", "-1"),
        )
        .await;
    stream.assert_error(400, "invalid_input");
    // An Idempotency-Key is a hyphenated UUID, nothing looser.
    let simple = uuid::Uuid::new_v4().simple().to_string();
    let reply = partner
        .send(
            partner
                .request(reqwest::Method::POST, "/v1/cases")
                .header("Idempotency-Key", simple)
                .json(&helpers::question("Hello")),
        )
        .await;
    reply.assert_error(400, "idempotency_key_invalid");
    // An unknown status in the handler's queue is a query error.
    let handler = app.handler("support@example.test").await;
    handler
        .get("/v1/handler/cases?status=lost")
        .await
        .assert_error(400, "invalid_input");
}
