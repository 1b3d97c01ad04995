//! How the store reaches SQLite: one writer thread that owns the only writing
//! connection, and a small pool of read-only connections.
//!
//! Reads run where they are called, on a read-only connection kept per thread: they are
//! short indexed queries on a WAL snapshot that never wait for the writer, and handing
//! each to another thread cost more than the query (measured: it was the largest cost
//! of a create-case request after the HTTP work itself).
//!
//! Each write is a closure sent to the writer thread and run inside its own savepoint.
//! At most a set number wait (`StoreOptions::max_queued_writes`); past that a write is
//! refused at once as busy, so overload answers 503 instead of growing a queue.
//! The thread takes every write waiting at that moment into one transaction (group
//! commit), so a busy server pays one commit for many writes. A write answers only after
//! its transaction is committed; one that fails rolls back to its savepoint and
//! changes nothing. Event ids are assigned by the single writer in commit order.

use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{Connection, OpenFlags};
use tokio::sync::{mpsc, oneshot, watch};

use super::StoreError;

/// Most writes taken into one transaction.
const MAX_BATCH: usize = 128;

type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A write as the writer thread sees it, whatever it returns.
trait Job: Send {
    /// Runs inside the batch's transaction; the result waits for the commit.
    fn run(self: Box<Self>, conn: &mut Connection) -> Box<dyn Finish>;
}

trait Finish: Send {
    fn succeeded(&self) -> bool;
    /// The newest event id this write appended, or 0.
    fn event_id(&self) -> i64;
    /// Answers the caller once the transaction's fate is known.
    fn finish(self: Box<Self>, committed: Result<()>);
}

struct TypedJob<T, F> {
    work: F,
    reply: oneshot::Sender<Result<T>>,
}

struct TypedFinish<T> {
    result: Result<(T, i64)>,
    reply: oneshot::Sender<Result<T>>,
}

impl<T, F> Job for TypedJob<T, F>
where
    T: Send + 'static,
    F: FnOnce(&mut Connection) -> Result<(T, i64)> + Send + 'static,
{
    fn run(self: Box<Self>, conn: &mut Connection) -> Box<dyn Finish> {
        let result = match run_sql(conn, "SAVEPOINT job") {
            Ok(()) => {
                let result = (self.work)(conn);
                let closed = match &result {
                    Ok(_) => run_sql(conn, "RELEASE job"),
                    Err(_) => {
                        run_sql(conn, "ROLLBACK TO job").and_then(|()| run_sql(conn, "RELEASE job"))
                    }
                };
                match closed {
                    Ok(()) => result,
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        };
        Box::new(TypedFinish {
            result,
            reply: self.reply,
        })
    }
}

impl<T: Send + 'static> Finish for TypedFinish<T> {
    fn succeeded(&self) -> bool {
        self.result.is_ok()
    }

    fn event_id(&self) -> i64 {
        self.result.as_ref().map_or(0, |(_, id)| *id)
    }

    fn finish(self: Box<Self>, committed: Result<()>) {
        let answer = match (committed, self.result) {
            (Ok(()), result) => result.map(|(value, _)| value),
            // Its own failure says more than the batch's.
            (Err(_), Err(own)) => Err(own),
            (Err(batch), Ok(_)) => Err(batch),
        };
        // The caller may have gone (a dropped request); the write stands regardless.
        let _ = self.reply.send(answer);
    }
}

/// Runs one statement without parameters, parsed once per connection.
pub(super) fn run_sql(conn: &Connection, sql: &str) -> Result<()> {
    conn.prepare_cached(sql)?.execute([])?;
    Ok(())
}

/// The connections to one database file.
pub(super) struct Engine {
    writes: mpsc::Sender<Box<dyn Job>>,
    path: String,
    /// Tells this engine's per-thread readers from those of an engine opened earlier
    /// on the same thread (tests open many).
    id: u64,
}

thread_local! {
    /// This thread's read connection, with the id of the engine it belongs to.
    static READER: RefCell<Option<(u64, Connection)>> = const { RefCell::new(None) };
}

static ENGINES: AtomicU64 = AtomicU64::new(1);

impl Engine {
    /// Opens the database with `writer` (already migrated) as its only writer.
    pub(super) fn start(
        path: &str,
        writer: Connection,
        latest_event: watch::Sender<i64>,
        queued_writes: usize,
    ) -> Engine {
        let (writes, queue) = mpsc::channel(queued_writes);
        let alive = std::sync::Arc::new(());
        let watched = std::sync::Arc::downgrade(&alive);
        std::thread::Builder::new()
            .name("pulse-store-writer".into())
            .spawn(move || {
                let _alive = alive;
                write_loop(writer, queue, latest_event)
            })
            .ok();
        let checkpointed = path.to_owned();
        std::thread::Builder::new()
            .name("pulse-store-checkpoint".into())
            .spawn(move || checkpoint_loop(checkpointed, watched))
            .ok();
        Engine {
            writes,
            path: path.to_owned(),
            id: ENGINES.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Runs `work` on the writer thread inside a transaction. `work` returns its value
    /// and the newest event id it appended (0 for none).
    pub(super) async fn write<T, F>(&self, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<(T, i64)> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        // A full queue refuses at once: waiting would only make the queue longer.
        self.writes
            .try_send(Box::new(TypedJob { work, reply }))
            .map_err(|error| match error {
                mpsc::error::TrySendError::Full(_) => StoreError::Busy,
                mpsc::error::TrySendError::Closed(_) => StoreError::Closed,
            })?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    /// Runs `work` on this thread's read-only connection, at once.
    pub(super) fn read<T, F>(&self, work: F) -> Result<T>
    where
        F: FnOnce(&Connection) -> Result<T>,
    {
        READER.with(|cell| {
            let mut slot = cell.borrow_mut();
            if !matches!(&*slot, Some((id, _)) if *id == self.id) {
                *slot = Some((self.id, open_reader(&self.path)?));
            }
            match &*slot {
                Some((_, conn)) => work(conn),
                None => Err(StoreError::Closed),
            }
        })
    }
}

/// Opens the writing connection: WAL, NORMAL sync, foreign keys.
pub(super) fn open_writer(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // NORMAL in WAL mode: durable across a crash of this process; only a power loss
    // can take back the last commits.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(64);
    // Checkpoints (copying the WAL back into the database, with an fsync) would run on
    // this connection at commit and stall every write behind them; the checkpointer
    // thread does them instead.
    conn.pragma_update(None, "wal_autocheckpoint", 0)?;
    Ok(conn)
}

/// How often the checkpointer copies the WAL back into the database.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(500);

/// Checkpoints the WAL off the writer's path until the writer is gone. Passive: it
/// never blocks the writer or readers, and catches up on its next round.
fn checkpoint_loop(path: String, writer_alive: std::sync::Weak<()>) {
    let conn = match Connection::open(&path) {
        Ok(conn) => conn,
        Err(error) => {
            tracing::error!(%error, "the checkpointer cannot open the database");
            return;
        }
    };
    while writer_alive.upgrade().is_some() {
        std::thread::sleep(CHECKPOINT_EVERY);
        if let Err(error) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            tracing::warn!(%error, "checkpoint");
        }
    }
}

fn open_reader(path: &str) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(conn)
}

fn write_loop(
    mut conn: Connection,
    mut queue: mpsc::Receiver<Box<dyn Job>>,
    latest_event: watch::Sender<i64>,
) {
    let mut batch: Vec<Box<dyn Job>> = Vec::with_capacity(MAX_BATCH);
    while let Some(first) = queue.blocking_recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // The transaction by hand, not rusqlite's Transaction: the jobs get the
        // connection itself (`&mut`, which is Send), as their steps need.
        if let Err(error) = run_sql(&conn, "BEGIN IMMEDIATE") {
            tracing::error!(%error, "cannot begin a write transaction");
            // Dropped unrun: each caller's reply closes and it answers Closed.
            batch.clear();
            continue;
        }
        let finishes: Vec<Box<dyn Finish>> =
            batch.drain(..).map(|job| job.run(&mut conn)).collect();
        let newest = finishes
            .iter()
            .filter(|f| f.succeeded())
            .map(|f| f.event_id())
            .max()
            .unwrap_or(0);
        let committed = run_sql(&conn, "COMMIT");
        if let Err(error) = &committed {
            tracing::error!(%error, "a write transaction failed to commit");
            if let Err(error) = run_sql(&conn, "ROLLBACK") {
                tracing::error!(%error, "rolling the failed transaction back");
            }
        }
        let ok = committed.is_ok();
        for finish in finishes {
            finish.finish(match &committed {
                Ok(()) => Ok(()),
                Err(e) => Err(StoreError::Database(e.to_string())),
            });
        }
        if ok && newest > 0 {
            latest_event.send_if_modified(|latest| {
                let newer = newest > *latest;
                if newer {
                    *latest = newest;
                }
                newer
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn past_its_queue_a_write_is_refused_at_once_and_the_rest_all_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("queue.db");
        let writer = open_writer(&path).unwrap();
        run_sql(&writer, "CREATE TABLE t (n INTEGER)").unwrap();
        let engine = std::sync::Arc::new(Engine::start(
            &path.to_string_lossy(),
            writer,
            watch::Sender::new(0),
            1,
        ));
        // The first write holds the writer until told to go on.
        let (go_on, wait) = std::sync::mpsc::channel::<()>();
        let (started, running) = oneshot::channel::<()>();
        let first = tokio::spawn({
            let engine = engine.clone();
            async move {
                engine
                    .write(move |conn| {
                        let _ = started.send(());
                        let _ = wait.recv();
                        run_sql(conn, "INSERT INTO t VALUES (1)")?;
                        Ok(((), 0))
                    })
                    .await
            }
        });
        running.await.unwrap();
        // One write may wait; it does.
        let second = tokio::spawn({
            let engine = engine.clone();
            async move {
                engine
                    .write(|conn| run_sql(conn, "INSERT INTO t VALUES (2)").map(|()| ((), 0)))
                    .await
            }
        });
        while engine.writes.capacity() > 0 {
            tokio::task::yield_now().await;
        }
        // The next is refused without waiting, and changes nothing.
        let third = engine
            .write(|conn| run_sql(conn, "INSERT INTO t VALUES (3)").map(|()| ((), 0)))
            .await;
        assert!(matches!(third, Err(StoreError::Busy)), "{third:?}");
        go_on.send(()).unwrap();
        first.await.unwrap().unwrap();
        second.await.unwrap().unwrap();
        let stored: Vec<i64> = engine
            .read(|conn| {
                let mut stmt = conn.prepare("SELECT n FROM t ORDER BY n")?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .unwrap();
        assert_eq!(stored, [1, 2]);
        // With room again, writes go through.
        engine
            .write(|conn| run_sql(conn, "INSERT INTO t VALUES (4)").map(|()| ((), 0)))
            .await
            .unwrap();
    }
}
