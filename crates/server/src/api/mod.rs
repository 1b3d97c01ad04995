//! The HTTP API: one router per area merged here, documented by OpenAPI from the same
//! route list, so the document cannot miss a route the router has.

mod attachments;
mod cases;
mod devices;
mod document;
mod events;
mod handler;
pub mod headers;
mod onboarding;
mod sessions;

use std::path::PathBuf;
use std::sync::OnceLock;

use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use pulse_protocol::wire::{IDEMPOTENCY_KEY_HEADER, TopicEntry};
use pulse_protocol::{ErrorBody, ErrorCode};
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::trace::TraceLayer;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{self, ApiError};
use crate::store::{IdempotencyKey, Stored};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Pulse Companion API",
        description = "Partners reach partner support; handlers answer. Errors are always {code, message}."
    ),
    modifiers(&BearerAuth),
    components(schemas(ErrorBody, ErrorCode))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(openapi_json))
        .routes(routes!(topics))
        .merge(sessions::routes())
        .merge(attachments::routes())
        .merge(cases::routes())
        .merge(events::routes())
        .merge(handler::routes())
        .merge(onboarding::routes())
        .merge(devices::routes())
}

/// The OpenAPI document of every route, with what every route shares (`document`).
pub fn openapi() -> &'static serde_json::Value {
    static DOC: OnceLock<serde_json::Value> = OnceLock::new();
    DOC.get_or_init(|| {
        let mut doc =
            serde_json::to_value(routes().split_for_parts().1).expect("the document serializes");
        document::complete(&mut doc);
        doc
    })
}

/// Where the console is served: its pages, files and routes all live under it.
pub const CONSOLE_PATH: &str = "/console";

/// The whole service: the API, and the built web app at `/` and support console at
/// [`CONSOLE_PATH`] when given.
pub fn router(state: AppState, web_app: Option<PathBuf>, console_app: Option<PathBuf>) -> Router {
    let max_json = state.limits().max_json_bytes;
    let policies = headers::Policies::for_sites(web_app.as_deref(), console_app.as_deref());
    let (router, _) = routes().split_for_parts();
    let router = match console_app {
        None => router,
        Some(dir) => {
            let console = move |request: Request| site_file(dir.clone(), request, CONSOLE_PATH);
            // A wildcard needs a segment: "/console/" is a route of its own.
            router
                .route(CONSOLE_PATH, axum::routing::get(console.clone()))
                .route(
                    &format!("{CONSOLE_PATH}/"),
                    axum::routing::get(console.clone()),
                )
                .route(
                    &format!("{CONSOLE_PATH}/{{*path}}"),
                    axum::routing::get(console),
                )
        }
    };
    let router = match web_app {
        None => router.fallback(error::no_route),
        Some(dir) => router.fallback(move |request: Request| site_file(dir.clone(), request, "")),
    };
    router
        .method_not_allowed_fallback(error::no_method)
        .layer(DefaultBodyLimit::max(max_json))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::internal("a request handler panicked").into_response()
        }))
        .layer(axum::middleware::from_fn_with_state(policies, headers::add))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// A file of a built Dioxus site (the web app at `/`, the console under its `prefix`);
/// any other path of the site is one of its own routes, so it gets `index.html`. Unknown
/// API paths keep their JSON 404.
async fn site_file(dir: PathBuf, mut request: Request, prefix: &str) -> Response {
    let path = request.uri().path().to_owned();
    if path == "/v1" || path.starts_with("/v1/") {
        return error::no_route().await.into_response();
    }
    // dx writes the site's links with its base path; the folder holds them without.
    let inner = match path.strip_prefix(prefix) {
        Some(rest) if rest.starts_with('/') => rest.to_owned(),
        _ => "/".to_owned(),
    };
    if !prefix.is_empty() {
        let query = request
            .uri()
            .query()
            .map(|q| format!("?{q}"))
            .unwrap_or_default();
        match format!("{inner}{query}").parse() {
            Ok(uri) => *request.uri_mut() = uri,
            Err(_) => return error::no_route().await.into_response(),
        }
    }
    // dx names every file under /assets/ after its content: a new build never reuses a
    // name, so browsers may keep them without asking again.
    let immutable = inner.starts_with("/assets/");
    let index = dir.join("index.html");
    // scripts/web.sh leaves a gzipped copy next to each file: sent to every browser
    // that takes gzip, it cuts the wasm's download to less than half.
    let mut response = match ServeDir::new(&dir)
        .precompressed_gzip()
        .fallback(ServeFile::new(index).precompressed_gzip())
        .oneshot(request)
        .await
    {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    };
    if immutable && response.status() == StatusCode::OK {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
    }
    response
}

/// The API described as OpenAPI 3.
#[utoipa::path(get, path = "/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "OpenAPI 3 document")))]
async fn openapi_json() -> Json<&'static serde_json::Value> {
    Json(openapi())
}

/// The contact topics and their subtopics.
#[utoipa::path(get, path = "/v1/topics", tag = "partner",
    responses((status = 200, body = [TopicEntry])))]
async fn topics() -> Json<Vec<TopicEntry>> {
    Json(TopicEntry::catalog())
}

/// JSON in, with rejections answered in the API's error shape.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = axum::extract::rejection::JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let Json(value) = Json::<T>::from_request(req, state).await?;
        Ok(ApiJson(value))
    }
}

/// The `Idempotency-Key` header: a UUID the client made for this one write.
pub struct IdemKey(pub uuid::Uuid);

impl<S: Send + Sync> FromRequestParts<S> for IdemKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<IdemKey, ApiError> {
        match OptionalIdemKey::from_request_parts(parts, &()).await?.0 {
            Some(key) => Ok(IdemKey(key)),
            None => Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::IdempotencyKeyMissing,
                "this request needs an Idempotency-Key header (a UUID)",
            )),
        }
    }
}

/// An `Idempotency-Key` where one is welcome but not required.
pub struct OptionalIdemKey(pub Option<uuid::Uuid>);

impl<S: Send + Sync> FromRequestParts<S> for OptionalIdemKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<OptionalIdemKey, ApiError> {
        // An empty header is no key, as an absent one.
        let Some(raw) = parts
            .headers
            .get(IDEMPOTENCY_KEY_HEADER)
            .filter(|v| !v.as_bytes().iter().all(u8::is_ascii_whitespace))
        else {
            return Ok(OptionalIdemKey(None));
        };
        // The hyphenated form only, as the document's pattern says.
        raw.to_str()
            .ok()
            .map(str::trim)
            .filter(|s| s.len() == 36)
            .and_then(|s| uuid::Uuid::parse_str(s).ok())
            .map(|key| OptionalIdemKey(Some(key)))
            .ok_or_else(|| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::IdempotencyKeyInvalid,
                    "the Idempotency-Key header must be a UUID",
                )
            })
    }
}

/// Binds a key to the request it came with: the route and the request's JSON.
pub fn fingerprint<T: serde::Serialize>(
    key: uuid::Uuid,
    route: &str,
    request: &T,
) -> IdempotencyKey {
    let mut hasher = Sha256::new();
    hasher.update(route.as_bytes());
    hasher.update([0]);
    // serde_json's map keeps keys sorted, so the same request always hashes the same.
    if let Ok(value) = serde_json::to_value(request) {
        // Neither a Value nor a hash can fail to take the bytes.
        let _ = serde_json::to_writer(HashWriter(&mut hasher), &value);
    }
    IdempotencyKey {
        key: key.to_string(),
        request_hash: hasher.finalize().into(),
    }
}

/// Feeds what is written into a hash, without the text in between.
struct HashWriter<'a>(&'a mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Answers a stored write: fresh with `status`, or the first answer with its status.
pub fn stored_response<T: serde::Serialize>(stored: Stored<T>, status: StatusCode) -> Response {
    match stored {
        Stored::Fresh(value) => (status, Json(value)).into_response(),
        Stored::Replayed { status, answer } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            (status, Json(answer)).into_response()
        }
    }
}

/// `?cursor=` as the event id it stands for.
pub fn parse_cursor(cursor: Option<&str>) -> Result<Option<i64>, ApiError> {
    cursor
        .map(|c| {
            // 1 to 18 digits, as the query structs document it: no sign, no spaces.
            let digits = (1..=18).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit());
            digits
                .then(|| c.parse::<i64>().ok())
                .flatten()
                .ok_or_else(|| ApiError::bad_request("cursor is not one this server gave"))
        })
        .transpose()
}

/// Page sizes: 50 by default, 1 to 100 (as documented; anything else is refused, not
/// quietly changed).
pub fn page_limit(limit: Option<u32>) -> Result<u32, ApiError> {
    checked_limit(limit, 50, 100)
}

/// `limit` when given, else `default`; refused outside 1 to `max`.
pub fn checked_limit(limit: Option<u32>, default: u32, max: u32) -> Result<u32, ApiError> {
    match limit {
        None => Ok(default),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::bad_request(format!("limit must be 1 to {max}"))),
    }
}

/// A path parameter; a malformed one answers 404 in the API's error shape.
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    axum::extract::Path<T>:
        FromRequestParts<S, Rejection = axum::extract::rejection::PathRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Path(value) =
            axum::extract::Path::<T>::from_request_parts(parts, state).await?;
        Ok(ApiPath(value))
    }
}

/// A query string; a malformed one answers 400 in the API's error shape.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    axum::extract::Query<T>:
        FromRequestParts<S, Rejection = axum::extract::rejection::QueryRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Query(value) =
            axum::extract::Query::<T>::from_request_parts(parts, state).await?;
        Ok(ApiQuery(value))
    }
}
