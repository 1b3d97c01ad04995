//! The OpenAPI document made exact where the route annotations cannot say it alone.
//!
//! Some answers come from layers every route shares: the bearer check (401), the
//! per-account rate limit (429), a full write queue (503), the JSON and path
//! extractors (400, 404, 413, 415, 422), the Idempotency-Key header (400, 422). They
//! are added here to each operation from its shape (secured, with a path parameter,
//! with a JSON body, keyed), so the document cannot forget one the code answers; what
//! a route documents itself is kept. Parameters lose the `null` that `Option` gives
//! them (a query or header is absent, never null), and the formats a JSON Schema
//! validator may ignore are said again as patterns and bounds.

use serde_json::{Map, Value, json};

/// The key's form the server accepts: a hyphenated UUID.
const UUID_PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// Routes that serve partners and handlers alike (no 403 for the other role).
const BOTH_ROLES: [(&str, &str); 6] = [
    ("get", "/v1/account"),
    ("delete", "/v1/sessions/current"),
    ("delete", "/v1/sessions"),
    ("get", "/v1/attachments/{id}"),
    ("get", "/v1/cases/{case_id}/attachments/{id}"),
    ("get", "/v1/cases/{id}/timeline"),
];

/// Completes `doc` (the document as JSON) in place.
pub fn complete(doc: &mut Value) {
    // Bounds the derive cannot say: a technical issue's diagnostics.
    if let Some(diagnostics) = doc.pointer_mut("/components/schemas/NewCase/properties/diagnostics")
    {
        use pulse_protocol::input::{
            MAX_DIAGNOSTIC_KEY_CHARS, MAX_DIAGNOSTIC_VALUE_CHARS, MAX_DIAGNOSTICS,
        };
        diagnostics["maxProperties"] = json!(MAX_DIAGNOSTICS);
        diagnostics["propertyNames"] =
            json!({"minLength": 1, "maxLength": MAX_DIAGNOSTIC_KEY_CHARS});
        diagnostics["additionalProperties"] =
            json!({"type": "string", "maxLength": MAX_DIAGNOSTIC_VALUE_CHARS});
    }
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            if let Some(operation) = operation.as_object_mut() {
                complete_operation(path, method, operation);
            }
        }
    }
}

fn complete_operation(path: &str, method: &str, op: &mut Map<String, Value>) {
    let secured = op
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| !s.is_empty());
    let mut has_path_param = false;
    let mut has_query = false;
    let mut keyed = false;
    if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
        for param in params {
            let place = param["in"].as_str().unwrap_or_default().to_owned();
            let name = param["name"].as_str().unwrap_or_default().to_owned();
            match place.as_str() {
                "path" => has_path_param = true,
                "query" => has_query = true,
                _ => {}
            }
            if place != "path"
                && let Some(schema) = param.get_mut("schema")
            {
                drop_null(schema);
            }
            match name.as_str() {
                "Idempotency-Key" => {
                    keyed = true;
                    param["schema"] = json!({"type": "string", "pattern": UUID_PATTERN});
                }
                "Last-Event-ID" => {
                    param["schema"] = json!({"type": "integer", "format": "int64", "minimum": 0});
                }
                _ => {}
            }
        }
    }
    // Each event of the stream as Server-Sent Events frames it: its id, its kind, and
    // the event as JSON.
    if path == "/v1/events" && method == "get" {
        op["responses"]["200"]["content"]["text/event-stream"]["schema"] = json!({
            "type": "object",
            "required": ["id", "event", "data"],
            "properties": {
                "id": {"type": "string", "pattern": "^[0-9]+$"},
                "event": {"$ref": "#/components/schemas/EventKind"},
                "data": {
                    "type": "string",
                    "contentMediaType": "application/json",
                    "contentSchema": {"$ref": "#/components/schemas/CaseEvent"}
                }
            }
        });
    }
    // A raw upload: any bytes, under each type the route takes.
    if path == "/v1/attachments" && method == "post" {
        let content: Map<String, Value> = super::attachments::DECLARED
            .iter()
            .map(|t| {
                (
                    (*t).to_owned(),
                    json!({"schema": {"type": "string", "format": "binary"}}),
                )
            })
            .collect();
        op["requestBody"]["content"] = Value::Object(content);
    }
    let json_body = op
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(Value::as_object)
        .is_some_and(|c| c.contains_key("application/json"));

    let responses = op
        .entry("responses")
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .expect("responses is an object");
    let mut add = |status: &str, description: &str| {
        responses.entry(status.to_owned()).or_insert_with(|| {
            json!({
                "description": description,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
            })
        });
    };
    if json_body {
        add(
            "400",
            "invalid_input: the body is not JSON, or a query parameter is not of its type",
        );
        add(
            "413",
            "payload_too_large: the body is larger than the server reads",
        );
        add(
            "415",
            "unsupported_media_type: the body is not sent as `application/json`",
        );
        add(
            "422",
            "invalid_input: a field is missing or of the wrong type; or the code of the rule it breaks",
        );
    }
    if has_query {
        add(
            "400",
            "invalid_input: a query parameter outside its type or bounds",
        );
    }
    if keyed {
        add(
            "400",
            "idempotency_key_missing, idempotency_key_invalid: the Idempotency-Key header is absent where required, or not a UUID",
        );
        add(
            "422",
            "idempotency_key_reused: the key came before with another request",
        );
    }
    if has_path_param {
        add(
            "404",
            "not_found: nothing of that id that this account may see",
        );
    }
    if secured {
        add(
            "401",
            "unauthorized: no bearer token, or one whose session has ended",
        );
        if !BOTH_ROLES.contains(&(method, path)) {
            add(
                "403",
                "forbidden: a token of the other role (partner or handler)",
            );
        }
        add(
            "429",
            "rate_limited (with Retry-After): over the account's requests",
        );
        add(
            "503",
            "rate_limited (with Retry-After): the server is busy for a moment",
        );
    }
}

/// `["integer", "null"]` becomes `"integer"`.
fn drop_null(schema: &mut Value) {
    if let Some(types) = schema.get("type").and_then(Value::as_array) {
        let kept: Vec<Value> = types
            .iter()
            .filter(|t| t.as_str() != Some("null"))
            .cloned()
            .collect();
        schema["type"] = match kept.as_slice() {
            [one] => one.clone(),
            _ => Value::Array(kept),
        };
    }
}
