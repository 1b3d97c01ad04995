//! Demo mode: two partners and a handler to sign in with, and an automatic handler that
//! acknowledges each new case after a few seconds and then posts a first update, so a
//! newcomer sees a case move without a second person.

use std::time::Duration;

use std::sync::Arc;

use pulse_protocol::lifecycle::{Actor, CaseStatus};
use pulse_protocol::request::CaseMove;
use pulse_protocol::wire::{Acknowledge, HandlerMessage};
use tokio_util::sync::CancellationToken;

use crate::store::{Database, Mover, NewAccount, StoreError};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo-password";

/// How quickly the automatic handler reacts.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub acknowledge_after: Duration,
    pub update_after: Duration,
    /// Whether the automatic handler runs at all.
    pub auto_handler: bool,
}

impl Default for DemoOptions {
    fn default() -> DemoOptions {
        DemoOptions {
            acknowledge_after: Duration::from_secs(3),
            update_after: Duration::from_secs(5),
            auto_handler: true,
        }
    }
}

/// A demo account, printed for whoever runs the demo.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub role: Actor,
    pub email: &'static str,
    pub name: &'static str,
    /// ISO country code; empty for the handler.
    pub country: &'static str,
    pub properties: &'static [&'static str],
    /// The language of the account's e-mails.
    pub language: &'static str,
    pub note: &'static str,
}

/// The accounts demo mode seeds.
pub const DEMO_ACCOUNTS: [DemoAccount; 3] = [
    DemoAccount {
        role: Actor::Partner,
        email: "partner@demo.test",
        name: "Anna de Vries",
        country: "NL",
        properties: &["Canal House Amsterdam", "Dune Cottage Zandvoort"],
        language: "nl",
        note: "partner in the EEA, two properties",
    },
    DemoAccount {
        role: Actor::Partner,
        email: "partner2@demo.test",
        name: "Budi Santoso",
        country: "ID",
        properties: &["Rumah Bali Ubud"],
        language: "id",
        note: "partner outside the EEA",
    },
    DemoAccount {
        role: Actor::Handler,
        email: "handler@demo.test",
        name: "Partner Support (demo)",
        country: "",
        properties: &[],
        language: "en",
        note: "case handler",
    },
];

/// Creates the demo accounts that do not exist yet.
pub async fn seed(store: &dyn Database) -> Result<Vec<DemoAccount>, StoreError> {
    let hash = tokio::task::spawn_blocking(|| crate::auth::hash_password(DEMO_PASSWORD))
        .await
        .map_err(|e| StoreError::Corrupt(e.to_string()))?
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    for demo in &DEMO_ACCOUNTS {
        let in_eea = pulse_protocol::input::Country::parse(demo.country).is_ok_and(|c| c.is_eea());
        let account = NewAccount {
            role: demo.role,
            email: demo.email.into(),
            name: demo.name.into(),
            password_hash: hash.clone(),
            country: demo.country.into(),
            in_eea,
            properties: demo.properties.iter().map(|p| p.to_string()).collect(),
            language: demo.language.into(),
        };
        match store.create_account(&account).await {
            Ok(_) | Err(StoreError::EmailTaken) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(DEMO_ACCOUNTS.to_vec())
}

/// Acknowledges new cases and posts a first update, until `shutdown`.
pub async fn auto_handler(
    store: Arc<dyn Database>,
    options: DemoOptions,
    shutdown: CancellationToken,
) {
    let handler = Mover {
        actor: Actor::Handler,
        account_id: 0,
        name: "Partner Support (demo)".into(),
        partner_scope: None,
        automatic: true,
    };
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.cancelled() => return,
        }
        if let Err(error) = demo_round(store.as_ref(), &handler, &options).await {
            tracing::warn!(%error, "demo handler");
        }
    }
}

async fn demo_round(
    store: &dyn Database,
    handler: &Mover,
    options: &DemoOptions,
) -> Result<(), StoreError> {
    let acknowledge = CaseMove::acknowledge(&Acknowledge {
        expected_next: Some(
            "A member of our team will review your message and reply as soon as we can.".into(),
        ),
    })
    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    for id in store
        .stale_cases(CaseStatus::Submitted, options.acknowledge_after)
        .await?
    {
        gave_way(store.apply_move(id, handler, &acknowledge, None).await)?;
    }
    let update = CaseMove::handler_message(&HandlerMessage {
        body: "Thank you for your patience. We are looking into this now and will get back to you with an answer.".into(),
        request_info: false,
    })
    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    for id in store
        .stale_cases(CaseStatus::Acknowledged, options.update_after)
        .await?
    {
        gave_way(store.apply_move(id, handler, &update, None).await)?;
    }
    Ok(())
}

/// A move the automatic handler made, or left to a person who got to the case first
/// (between its look at the queue and its move).
fn gave_way<T>(result: Result<T, StoreError>) -> Result<(), StoreError> {
    match result {
        Ok(_) | Err(StoreError::NotFound) => Ok(()),
        Err(error) => Err(error),
    }
}
