//! The SQLite backend: one file (WAL), written by one thread and read inline (the
//! `engine` module says why). The default: zero set-up, one machine.

mod engine;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use pulse_protocol::lifecycle::{self, Actor, CaseStatus, Move};
use pulse_protocol::wire::{
    Account, AttachmentRef, Author, CaseDetail, CaseEvent, CaseSummary, EventKind, HandlerCase,
    Property,
};
use rusqlite::{Connection, OptionalExtension, Row, params};
use time::OffsetDateTime;
use tokio::sync::watch;
use uuid::Uuid;

use super::{
    AuthAccount, Database, IdempotencyKey, MoveContent, Mover, NewAccount, Result, StoreError,
    Stored, ValidCase, from_json_opt, from_ms, from_wire, ms, now_ms, page, parse_uuid,
    to_json_opt, truncate_ms, wire_str,
};
use engine::Engine;

/// A SQLite database.
#[derive(Clone)]
pub struct SqliteStore {
    engine: std::sync::Arc<Engine>,
    latest_event: watch::Sender<i64>,
}

const MIGRATIONS: &[&str] = &[include_str!("../../../migrations/0001_initial.sql")];

const CASE_COLUMNS: &str = "c.id, c.kind, c.topic, c.subtopic, c.property_id, \
    c.reservation_ref, c.status, c.outcome, c.created_at, c.last_activity_at, \
    c.last_event_id, (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id \
    AND e.id > c.partner_read_event_id AND e.author_role = 'handler') AS unread_count";

const EVENT_COLUMNS: &str = "id, case_id, kind, status, author_role, author_name, body, \
    outcome, expected_next, created_at";

impl SqliteStore {
    /// Opens (creating if needed) and migrates the database at `url`
    /// (`sqlite:path/to/file.db`).
    pub async fn open(url: &str) -> Result<SqliteStore> {
        let path = sqlite_path(url)?;
        let (writer, latest) = tokio::task::spawn_blocking({
            let path = path.clone();
            move || -> Result<(Connection, i64)> {
                let mut writer = engine::open_writer(&path)?;
                migrate(&mut writer)?;
                let latest: i64 =
                    writer.query_row("SELECT COALESCE(MAX(id), 0) FROM case_events", [], |r| {
                        r.get(0)
                    })?;
                Ok((writer, latest))
            }
        })
        .await
        .map_err(|e| StoreError::Database(e.to_string()))??;
        let latest_event = watch::Sender::new(latest);
        let engine = Engine::start(&path.to_string_lossy(), writer, latest_event.clone());
        Ok(SqliteStore {
            engine: std::sync::Arc::new(engine),
            latest_event,
        })
    }
}

impl Database for SqliteStore {
    fn subscribe(&self) -> watch::Receiver<i64> {
        self.latest_event.subscribe()
    }

    // ----- accounts and sessions -----

    /// Creates an account with its properties; returns its id.
    async fn create_account(&self, account: &NewAccount) -> Result<i64> {
        let account = account.clone();
        self.engine
            .write(move |conn| {
                let inserted = conn.execute(
                    "INSERT INTO accounts (role, email, name, password_hash, country, in_eea, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (email) DO NOTHING",
                    params![
                        wire_str(&account.role),
                        account.email.trim(),
                        account.name,
                        account.password_hash,
                        account.country,
                        account.in_eea,
                        now_ms()
                    ],
                )?;
                if inserted == 0 {
                    return Err(StoreError::EmailTaken);
                }
                let id = conn.last_insert_rowid();
                for name in &account.properties {
                    conn.execute(
                        "INSERT INTO properties (account_id, name) VALUES (?1, ?2)",
                        params![id, name],
                    )?;
                }
                Ok((id, 0))
            })
            .await
    }

    /// The id and password hash of the account with this email, if any.
    async fn login_record(&self, email: &str) -> Result<Option<(i64, String)>> {
        let email = email.trim().to_owned();
        self.engine
            .read(move |conn| {
                Ok(conn
                    .prepare_cached("SELECT id, password_hash FROM accounts WHERE email = ?1")?
                    .query_row([email], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?)
            })
            .await
    }

    async fn account(&self, id: i64) -> Result<Account> {
        self.engine
            .read(move |conn| {
                let row = conn
                    .query_row(
                        "SELECT id, role, name, email, country, in_eea FROM accounts WHERE id = ?1",
                        [id],
                        |r| {
                            Ok((
                                r.get::<_, i64>(0)?,
                                r.get::<_, String>(1)?,
                                r.get::<_, String>(2)?,
                                r.get::<_, String>(3)?,
                                r.get::<_, String>(4)?,
                                r.get::<_, bool>(5)?,
                            ))
                        },
                    )
                    .optional()?
                    .ok_or(StoreError::NotFound)?;
                let mut stmt = conn.prepare_cached(
                    "SELECT id, name FROM properties WHERE account_id = ?1 ORDER BY id",
                )?;
                let properties = stmt
                    .query_map([id], |r| {
                        Ok(Property {
                            id: r.get(0)?,
                            name: r.get(1)?,
                        })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(Account {
                    id: row.0,
                    role: from_wire(row.1)?,
                    name: row.2,
                    email: row.3,
                    country: row.4,
                    in_eea: row.5,
                    properties,
                })
            })
            .await
    }

    async fn create_session(&self, account_id: i64, token_hash: &[u8; 32]) -> Result<()> {
        let hash = *token_hash;
        self.engine
            .write(move |conn| {
                conn.prepare_cached(
                    "INSERT INTO sessions (token_hash, account_id, created_at) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![&hash[..], account_id, now_ms()])?;
                Ok(((), 0))
            })
            .await
    }

    async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<()> {
        let hash = *token_hash;
        self.engine
            .write(move |conn| {
                conn.execute("DELETE FROM sessions WHERE token_hash = ?1", [&hash[..]])?;
                Ok(((), 0))
            })
            .await
    }

    async fn session_account(&self, token_hash: &[u8; 32]) -> Result<Option<AuthAccount>> {
        let hash = *token_hash;
        self.engine
            .read(move |conn| {
                let row = conn
                    .prepare_cached(
                        "SELECT a.id, a.role, a.name, a.in_eea FROM sessions s
                         JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?1",
                    )?
                    .query_row([&hash[..]], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, bool>(3)?,
                        ))
                    })
                    .optional()?;
                row.map(|(id, role, name, in_eea)| {
                    Ok(AuthAccount {
                        id,
                        role: from_wire(role)?,
                        name,
                        in_eea,
                    })
                })
                .transpose()
            })
            .await
    }

    // ----- attachments -----

    async fn record_attachment(&self, account_id: i64, attachment: &AttachmentRef) -> Result<()> {
        let attachment = attachment.clone();
        self.engine
            .write(move |conn| {
                conn.execute(
                    "INSERT INTO attachments (id, account_id, media_type, size, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        attachment.id.to_string(),
                        account_id,
                        attachment.media_type,
                        attachment.size as i64,
                        now_ms()
                    ],
                )?;
                Ok(((), 0))
            })
            .await
    }

    /// An attachment's metadata, if `viewer` may see it: its uploader, or any handler.
    async fn attachment(&self, id: Uuid, viewer: &AuthAccount) -> Result<AttachmentRef> {
        let viewer = viewer.clone();
        self.engine
            .read(move |conn| {
                let (media_type, size, owner): (String, i64, i64) = conn
                    .query_row(
                        "SELECT media_type, size, account_id FROM attachments WHERE id = ?1",
                        [id.to_string()],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?
                    .ok_or(StoreError::NotFound)?;
                if viewer.role != Actor::Handler && owner != viewer.id {
                    return Err(StoreError::NotFound);
                }
                Ok(AttachmentRef {
                    id,
                    media_type,
                    size: size as u64,
                })
            })
            .await
    }

    // ----- cases -----

    /// Creates a partner's case, once per idempotency key.
    async fn create_case(
        &self,
        partner: &AuthAccount,
        idem: &IdempotencyKey,
        case: &ValidCase,
    ) -> Result<Stored<CaseDetail>> {
        let (partner, idem, case) = (partner.clone(), idem.clone(), case.clone());
        self.engine
            .write(move |conn| create_case(conn, &partner, &idem, &case))
            .await
    }

    /// Creates several cases in the order given, each under its own key and in its own
    /// savepoint: one refused case leaves the others as they are.
    async fn create_cases(
        &self,
        partner: &AuthAccount,
        cases: Vec<(IdempotencyKey, ValidCase)>,
    ) -> Result<Vec<Result<Stored<CaseDetail>>>> {
        let partner = partner.clone();
        self.engine
            .write(move |conn| {
                let mut newest = 0;
                let mut results = Vec::with_capacity(cases.len());
                for (idem, case) in &cases {
                    engine::run_sql(conn, "SAVEPOINT item")?;
                    let result = create_case(conn, &partner, idem, case);
                    match &result {
                        Ok((_, event_id)) => newest = newest.max(*event_id),
                        Err(_) => engine::run_sql(conn, "ROLLBACK TO item")?,
                    }
                    engine::run_sql(conn, "RELEASE item")?;
                    results.push(result.map(|(stored, _)| stored));
                }
                Ok((results, newest))
            })
            .await
    }

    /// A page of one partner's cases, newest activity first. `before` is the previous
    /// page's cursor (an event id).
    async fn partner_cases(
        &self,
        partner_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<CaseSummary>, Option<i64>)> {
        self.engine
            .read(move |conn| {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {CASE_COLUMNS} FROM cases c WHERE c.partner_id = ?1 AND c.last_event_id < ?2
                     ORDER BY c.last_event_id DESC LIMIT ?3"
                ))?;
                let cases = stmt
                    .query_map(
                        params![partner_id, before.unwrap_or(i64::MAX), i64::from(limit) + 1],
                        |r| Ok(case_summary(r)),
                    )?
                    .map(|r| r?)
                    .collect::<Result<Vec<_>>>()?;
                Ok(page(cases, limit, |c| c.last_event_id))
            })
            .await
    }

    /// A page of all cases for handlers, optionally of one status.
    async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<HandlerCase>, Option<i64>)> {
        self.engine
            .read(move |conn| {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {CASE_COLUMNS}, a.id AS partner_id, a.name AS partner_name, a.in_eea
                     FROM cases c JOIN accounts a ON a.id = c.partner_id
                     WHERE (?1 IS NULL OR c.status = ?1) AND c.last_event_id < ?2
                     ORDER BY c.last_event_id DESC LIMIT ?3"
                ))?;
                let cases = stmt
                    .query_map(
                        params![
                            status.map(|s| s.as_str()),
                            before.unwrap_or(i64::MAX),
                            i64::from(limit) + 1
                        ],
                        |r| {
                            Ok((|| {
                                Ok::<_, StoreError>(HandlerCase {
                                    case: case_summary(r)?,
                                    partner_id: r.get("partner_id")?,
                                    partner_name: r.get("partner_name")?,
                                    partner_in_eea: r.get("in_eea")?,
                                })
                            })())
                        },
                    )?
                    .map(|r| r?)
                    .collect::<Result<Vec<_>>>()?;
                Ok(page(cases, limit, |c| c.case.last_event_id))
            })
            .await
    }

    /// A case with its timeline. For a partner, only their own case, and opening it
    /// marks support's events as read.
    async fn case_detail(&self, id: Uuid, viewer: &AuthAccount) -> Result<CaseDetail> {
        let viewer = viewer.clone();
        if viewer.role == Actor::Partner {
            self.engine
                .write(move |conn| {
                    conn.execute(
                        "UPDATE cases SET partner_read_event_id = last_event_id
                         WHERE id = ?1 AND partner_id = ?2 AND partner_read_event_id < last_event_id",
                        params![id.to_string(), viewer.id],
                    )?;
                    Ok((case_detail(conn, id, Some(viewer.id), viewer.in_eea)?, 0))
                })
                .await
        } else {
            self.engine
                .read(move |conn| {
                    let in_eea: bool = conn
                        .query_row(
                            "SELECT a.in_eea FROM cases c JOIN accounts a ON a.id = c.partner_id
                             WHERE c.id = ?1",
                            [id.to_string()],
                            |r| r.get(0),
                        )
                        .optional()?
                        .ok_or(StoreError::NotFound)?;
                    case_detail(conn, id, None, in_eea)
                })
                .await
        }
    }

    /// Makes a lifecycle move on a case and logs it as one event. With an idempotency
    /// key (and the status to answer with), a resend returns the first answer.
    async fn apply_move(
        &self,
        case_id: Uuid,
        mover: &Mover,
        mv: Move,
        content: &MoveContent,
        idem: Option<(&IdempotencyKey, u16)>,
    ) -> Result<Stored<CaseEvent>> {
        let (mover, content) = (mover.clone(), content.clone());
        let idem = idem.map(|(key, status)| (key.clone(), status));
        self.engine
            .write(move |conn| apply_move(conn, case_id, &mover, mv, &content, idem.as_ref()))
            .await
    }

    /// Up to `limit` of a partner's events after `after`, oldest first.
    async fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>> {
        self.engine
            .read(move |conn| {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {EVENT_COLUMNS} FROM case_events WHERE partner_id = ?1 AND id > ?2
                     ORDER BY id LIMIT ?3"
                ))?;
                let events = stmt
                    .query_map(params![partner_id, after, i64::from(limit)], |r| {
                        Ok(case_event(r))
                    })?
                    .map(|r| r?)
                    .collect::<Result<Vec<_>>>()?;
                with_attachments(conn, events)
            })
            .await
    }

    /// Cases in `status` whose last activity is older than `age`, oldest first (the
    /// demo's automatic handler works through these).
    async fn stale_cases(&self, status: CaseStatus, age: Duration) -> Result<Vec<Uuid>> {
        let cutoff = now_ms() - age.as_millis() as i64;
        self.engine
            .read(move |conn| {
                let mut stmt = conn.prepare_cached(
                    "SELECT id FROM cases WHERE status = ?1 AND last_activity_at <= ?2
                     ORDER BY last_event_id LIMIT 100",
                )?;
                let ids = stmt
                    .query_map(params![status.as_str(), cutoff], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                ids.iter().map(|id| parse_uuid(id)).collect()
            })
            .await
    }
}

/// The file behind a `sqlite:` URL.
fn sqlite_path(url: &str) -> Result<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| StoreError::UnsupportedUrl(url.to_owned()))?;
    let path = rest.split('?').next().unwrap_or(rest);
    if path.is_empty() {
        return Err(StoreError::UnsupportedUrl(url.to_owned()));
    }
    Ok(PathBuf::from(path))
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > MIGRATIONS.len() {
        return Err(StoreError::Corrupt(format!(
            "the database is from a newer server (schema version {version})"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

fn create_case(
    conn: &Connection,
    partner: &AuthAccount,
    idem: &IdempotencyKey,
    case: &ValidCase,
) -> Result<(Stored<CaseDetail>, i64)> {
    if let Some((status, body)) = claim_key(conn, partner.id, idem)? {
        return Ok((Stored::Replayed { status, body }, 0));
    }
    if let Some(property) = case.property_id {
        let owned: Option<i64> = conn
            .prepare_cached("SELECT id FROM properties WHERE id = ?1 AND account_id = ?2")?
            .query_row(params![property, partner.id], |r| r.get(0))
            .optional()?;
        if owned.is_none() {
            return Err(StoreError::UnknownProperty);
        }
    }
    let id = Uuid::new_v4();
    let now = OffsetDateTime::now_utc();
    let content = case.first_message();
    let author = Author {
        role: Actor::Partner,
        name: partner.name.clone(),
    };
    let event = append_event(
        conn,
        id,
        partner.id,
        EventKind::Submitted,
        CaseStatus::Submitted,
        author,
        &content,
        partner.id,
        now,
    )?;
    conn.prepare_cached(
        "INSERT INTO cases (id, partner_id, kind, topic, subtopic, property_id,
            reservation_ref, status, diagnostics, contact, client_created_at, created_at,
            last_activity_at, last_event_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)",
    )?
    .execute(params![
        id.to_string(),
        partner.id,
        wire_str(&case.kind),
        case.choice.topic().as_str(),
        case.choice.subtopic(),
        case.property_id,
        case.reservation_ref.as_ref().map(|r| r.as_str()),
        CaseStatus::Submitted.as_str(),
        to_json_opt(&case.diagnostics),
        to_json_opt(&case.contact),
        ms(case.client_created_at),
        ms(now),
        event.id,
    ])?;
    // The answer is built from what was just written, not read back.
    let detail = case.created(id, now, event);
    store_answer(conn, partner.id, idem, 201, &detail)?;
    let event_id = detail.case.last_event_id;
    Ok((Stored::Fresh(detail), event_id))
}

fn apply_move(
    conn: &Connection,
    case_id: Uuid,
    mover: &Mover,
    mv: Move,
    content: &MoveContent,
    idem: Option<&(IdempotencyKey, u16)>,
) -> Result<(Stored<CaseEvent>, i64)> {
    if let (Some((idem, _)), Some(partner)) = (idem, mover.partner_scope)
        && let Some((status, body)) = claim_key(conn, partner, idem)?
    {
        return Ok((Stored::Replayed { status, body }, 0));
    }
    let (from, partner_id, in_eea): (String, i64, bool) = conn
        .prepare_cached(
            "SELECT c.status, c.partner_id, a.in_eea FROM cases c
             JOIN accounts a ON a.id = c.partner_id
             WHERE c.id = ?1 AND (?2 IS NULL OR c.partner_id = ?2)",
        )?
        .query_row(params![case_id.to_string(), mover.partner_scope], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?
        .ok_or(StoreError::NotFound)?;
    let from: CaseStatus = from_wire(from)?;
    let to = lifecycle::apply(from, mv, mover.actor, in_eea)?;
    let author = Author {
        role: mover.actor,
        name: mover.name.clone(),
    };
    let now = OffsetDateTime::now_utc();
    let event = append_event(
        conn,
        case_id,
        partner_id,
        EventKind::of(mv),
        to,
        author,
        content,
        mover.account_id,
        now,
    )?;
    conn.prepare_cached(
        "UPDATE cases SET status = ?1, outcome = COALESCE(?2, outcome),
            expected_next = COALESCE(?3, expected_next), last_event_id = ?4,
            last_activity_at = ?5
         WHERE id = ?6",
    )?
    .execute(params![
        to.as_str(),
        content.outcome,
        content.expected_next,
        event.id,
        ms(now),
        case_id.to_string()
    ])?;
    if let (Some((idem, status)), Some(partner)) = (idem, mover.partner_scope) {
        store_answer(conn, partner, idem, *status, &event)?;
    }
    let event_id = event.id;
    Ok((Stored::Fresh(event), event_id))
}

/// Looks `idem` up for `account_id`. `None`: the key is new, go on (the one writer
/// means nobody else can take it before this transaction stores its answer).
/// `Some`: the stored answer of the request that used it first.
fn claim_key(
    conn: &Connection,
    account_id: i64,
    idem: &IdempotencyKey,
) -> Result<Option<(u16, String)>> {
    let stored: Option<(Vec<u8>, i64, String)> = conn
        .prepare_cached(
            "SELECT request_hash, response_status, response_body FROM idempotency
             WHERE account_id = ?1 AND key = ?2",
        )?
        .query_row(params![account_id, idem.key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((hash, status, body)) = stored else {
        return Ok(None);
    };
    if hash != idem.request_hash {
        return Err(StoreError::IdempotencyKeyReused);
    }
    Ok(Some((status as u16, body)))
}

fn store_answer<T: serde::Serialize>(
    conn: &Connection,
    account_id: i64,
    idem: &IdempotencyKey,
    status: u16,
    answer: &T,
) -> Result<()> {
    let body = serde_json::to_string(answer).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    conn.prepare_cached(
        "INSERT INTO idempotency (account_id, key, request_hash, response_status, response_body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        account_id,
        idem.key,
        &idem.request_hash[..],
        i64::from(status),
        body,
        now_ms()
    ])?;
    Ok(())
}

/// Appends one event and attaches the uploader's unused attachments to it; the caller
/// moves the case's activity marker. Returns the event as written.
#[allow(clippy::too_many_arguments)]
fn append_event(
    conn: &Connection,
    case_id: Uuid,
    partner_id: i64,
    kind: EventKind,
    status: CaseStatus,
    author: Author,
    content: &MoveContent,
    uploader: i64,
    at: OffsetDateTime,
) -> Result<CaseEvent> {
    let now = ms(at);
    conn.prepare_cached(
        "INSERT INTO case_events (case_id, partner_id, kind, status, author_role, author_name,
            body, outcome, expected_next, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        case_id.to_string(),
        partner_id,
        kind.as_str(),
        status.as_str(),
        wire_str(&author.role),
        author.name,
        content.body.as_ref().map(|b| b.as_str()),
        content.outcome,
        content.expected_next,
        now
    ])?;
    let event_id = conn.last_insert_rowid();
    let mut attachments = Vec::with_capacity(content.attachment_ids.len());
    for attachment in &content.attachment_ids {
        let linked = conn
            .prepare_cached(
                "UPDATE attachments SET event_id = ?1
                 WHERE id = ?2 AND account_id = ?3 AND event_id IS NULL
                 RETURNING media_type, size",
            )?
            .query_row(params![event_id, attachment.to_string(), uploader], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .optional()?;
        let Some((media_type, size)) = linked else {
            return Err(StoreError::UnknownAttachment);
        };
        attachments.push(AttachmentRef {
            id: *attachment,
            media_type,
            size: size as u64,
        });
    }
    Ok(CaseEvent {
        id: event_id,
        case_id,
        kind,
        status,
        at: truncate_ms(at),
        author,
        body: content.body.as_ref().map(|b| b.as_str().to_owned()),
        attachments,
        outcome: content.outcome.clone(),
        expected_next: content.expected_next.clone(),
    })
}

fn case_detail(
    conn: &Connection,
    id: Uuid,
    partner_scope: Option<i64>,
    partner_in_eea: bool,
) -> Result<CaseDetail> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CASE_COLUMNS}, c.expected_next, c.diagnostics, c.contact FROM cases c
         WHERE c.id = ?1 AND (?2 IS NULL OR c.partner_id = ?2)"
    ))?;
    let (case, expected_next, diagnostics, contact) = stmt
        .query_row(params![id.to_string(), partner_scope], |r| {
            Ok((|| {
                Ok::<_, StoreError>((
                    case_summary(r)?,
                    r.get::<_, Option<String>>("expected_next")?,
                    r.get::<_, Option<String>>("diagnostics")?,
                    r.get::<_, Option<String>>("contact")?,
                ))
            })())
        })
        .optional()?
        .ok_or(StoreError::NotFound)??;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = ?1 ORDER BY id"
    ))?;
    let events = stmt
        .query_map([id.to_string()], |r| Ok(case_event(r)))?
        .map(|r| r?)
        .collect::<Result<Vec<_>>>()?;
    let timeline = with_attachments(conn, events)?;
    Ok(CaseDetail {
        mediation_offered: lifecycle::mediation_offered(case.status, partner_in_eea),
        case,
        expected_next,
        diagnostics: from_json_opt(diagnostics)?,
        contact: from_json_opt(contact)?,
        timeline,
    })
}

/// Fills in the attachments of events (ordered by id).
fn with_attachments(conn: &Connection, mut events: Vec<CaseEvent>) -> Result<Vec<CaseEvent>> {
    let (Some(first), Some(last)) = (events.first(), events.last()) else {
        return Ok(events);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT id, media_type, size, event_id FROM attachments
         WHERE event_id BETWEEN ?1 AND ?2 ORDER BY created_at, id",
    )?;
    let rows = stmt
        .query_map(params![first.id, last.id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.is_empty() {
        return Ok(events);
    }
    let mut by_event: HashMap<i64, Vec<AttachmentRef>> = HashMap::new();
    for (id, media_type, size, event_id) in rows {
        by_event.entry(event_id).or_default().push(AttachmentRef {
            id: parse_uuid(&id)?,
            media_type,
            size: size as u64,
        });
    }
    for event in &mut events {
        if let Some(list) = by_event.remove(&event.id) {
            event.attachments = list;
        }
    }
    Ok(events)
}

fn case_summary(r: &Row<'_>) -> Result<CaseSummary> {
    Ok(CaseSummary {
        id: parse_uuid(&r.get::<_, String>("id")?)?,
        kind: from_wire(r.get("kind")?)?,
        topic: from_wire(r.get("topic")?)?,
        subtopic: r.get("subtopic")?,
        property_id: r.get("property_id")?,
        reservation_ref: r.get("reservation_ref")?,
        status: from_wire(r.get("status")?)?,
        outcome: r.get("outcome")?,
        created_at: from_ms(r.get("created_at")?)?,
        last_activity_at: from_ms(r.get("last_activity_at")?)?,
        last_event_id: r.get("last_event_id")?,
        unread_count: r.get("unread_count")?,
    })
}

fn case_event(r: &Row<'_>) -> Result<CaseEvent> {
    Ok(CaseEvent {
        id: r.get("id")?,
        case_id: parse_uuid(&r.get::<_, String>("case_id")?)?,
        kind: from_wire(r.get("kind")?)?,
        status: from_wire(r.get("status")?)?,
        at: from_ms(r.get("created_at")?)?,
        author: Author {
            role: from_wire(r.get("author_role")?)?,
            name: r.get("author_name")?,
        },
        body: r.get("body")?,
        attachments: Vec::new(),
        outcome: r.get("outcome")?,
        expected_next: r.get("expected_next")?,
    })
}
