//! Demo mode: two partners and a handler to sign in with, and an automatic handler that
//! acknowledges each new case after a few seconds and then posts a first update, so a
//! newcomer sees a case move without a second person.

use std::time::Duration;

use pulse_protocol::input::MessageBody;
use pulse_protocol::lifecycle::{Actor, CaseStatus, Move};
use tokio_util::sync::CancellationToken;

use crate::store::{MoveContent, Mover, NewAccount, Store, StoreError};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo-password";

/// How quickly the automatic handler reacts.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub acknowledge_after: Duration,
    pub update_after: Duration,
}

impl Default for DemoOptions {
    fn default() -> DemoOptions {
        DemoOptions {
            acknowledge_after: Duration::from_secs(3),
            update_after: Duration::from_secs(5),
        }
    }
}

/// A seeded account, to print for whoever runs the demo.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub role: Actor,
    pub email: &'static str,
    pub name: &'static str,
    pub note: &'static str,
}

const ACCOUNTS: [(Actor, &str, &str, &str, &[&str], &str); 3] = [
    (
        Actor::Partner,
        "partner@demo.test",
        "Anna de Vries",
        "NL",
        &["Canal House Amsterdam", "Dune Cottage Zandvoort"],
        "partner in the EEA, two properties",
    ),
    (
        Actor::Partner,
        "partner2@demo.test",
        "Budi Santoso",
        "ID",
        &["Rumah Bali Ubud"],
        "partner outside the EEA",
    ),
    (
        Actor::Handler,
        "handler@demo.test",
        "Partner Support (demo)",
        "",
        &[],
        "case handler",
    ),
];

/// Creates the demo accounts that do not exist yet.
pub async fn seed(store: &Store) -> Result<Vec<DemoAccount>, StoreError> {
    let hash = tokio::task::spawn_blocking(|| crate::auth::hash_password(DEMO_PASSWORD))
        .await
        .map_err(|e| StoreError::Corrupt(e.to_string()))?
        .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut seeded = Vec::new();
    for (role, email, name, country, properties, note) in ACCOUNTS {
        let in_eea = pulse_protocol::input::Country::parse(country).is_ok_and(|c| c.is_eea());
        let account = NewAccount {
            role,
            email: email.into(),
            name: name.into(),
            password_hash: hash.clone(),
            country: country.into(),
            in_eea,
            properties: properties.iter().map(|p| p.to_string()).collect(),
        };
        match store.create_account(&account).await {
            Ok(_) | Err(StoreError::EmailTaken) => {}
            Err(e) => return Err(e),
        }
        seeded.push(DemoAccount {
            role,
            email,
            name,
            note,
        });
    }
    Ok(seeded)
}

/// Acknowledges new cases and posts a first update, until `shutdown`.
pub async fn auto_handler(store: Store, options: DemoOptions, shutdown: CancellationToken) {
    let handler = Mover {
        actor: Actor::Handler,
        account_id: 0,
        name: "Partner Support (demo)".into(),
        partner_scope: None,
    };
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.cancelled() => return,
        }
        if let Err(error) = demo_round(&store, &handler, &options).await {
            tracing::warn!(%error, "demo handler");
        }
    }
}

async fn demo_round(
    store: &Store,
    handler: &Mover,
    options: &DemoOptions,
) -> Result<(), StoreError> {
    for id in store
        .stale_cases(CaseStatus::Submitted, options.acknowledge_after)
        .await?
    {
        let content = MoveContent {
            expected_next: Some(
                "A member of our team will review your message and reply within 24 hours.".into(),
            ),
            ..MoveContent::default()
        };
        store
            .apply_move(id, handler, Move::Acknowledge, &content, None)
            .await?;
    }
    for id in store
        .stale_cases(CaseStatus::Acknowledged, options.update_after)
        .await?
    {
        let content = MoveContent {
            body: MessageBody::parse(
                "Thank you for your patience. We are looking into this now and will get back to you with an answer.",
            )
            .ok(),
            ..MoveContent::default()
        };
        store
            .apply_move(id, handler, Move::PostUpdate, &content, None)
            .await?;
    }
    Ok(())
}
