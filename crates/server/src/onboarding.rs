//! Invitations and resets as the API and the command line both make them: a fresh
//! single-use token (only its hash is stored), the link into the app, and the e-mail
//! in the account's language, stored together in one transaction.

use std::time::Duration;

use pulse_protocol::Actor;
use pulse_protocol::input::{Country, InputError};
use pulse_protocol::wire::{Invitation, Invited, LinkPurpose};
use time::OffsetDateTime;

use crate::auth;
use crate::store::{Database, MailTarget, NewAccount, NewLink, StoreError};

/// Where links point and how long they work.
#[derive(Debug, Clone)]
pub struct Links {
    /// The web app's address, without a trailing slash.
    pub public_url: String,
    pub invitation_valid: Duration,
    pub reset_valid: Duration,
}

impl Links {
    /// A link to `screen` of the app: the token rides in the fragment, which browsers
    /// never send to a server nor put in a Referer.
    pub fn link(&self, screen: &str, token: &str) -> String {
        format!("{}/{screen}#{token}", self.public_url)
    }
}

/// Most properties one invitation names.
pub const MAX_PROPERTIES: usize = 50;

fn expiry(valid: Duration) -> (i64, OffsetDateTime) {
    let at = OffsetDateTime::now_utc() + valid;
    ((at.unix_timestamp_nanos() / 1_000_000) as i64, at)
}

/// Makes (or, for an invitation never taken up, renews) an invited account and queues
/// its e-mail.
pub async fn invite(
    store: &dyn Database,
    links: &Links,
    invitation: &Invitation,
) -> Result<Invited, StoreError> {
    // A partner's country decides EEA membership (and mediation): it is required, as
    // `account add` requires it; a handler has none.
    let country = match (invitation.role, invitation.country.trim()) {
        (Actor::Handler, _) => None,
        (Actor::Partner, "") => return Err(StoreError::Input(InputError::CountryInvalid)),
        (Actor::Partner, code) => Some(Country::parse(code)?),
    };
    if invitation.properties.len() > MAX_PROPERTIES {
        return Err(StoreError::Input(InputError::TextTooLong));
    }
    pulse_protocol::input::check_text(&invitation.language, false)?;
    let language = crate::mail::language(&invitation.language);
    let account = NewAccount {
        role: invitation.role,
        email: invitation.email.trim().to_owned(),
        name: invitation.name.clone(),
        password_hash: String::new(),
        country: country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        in_eea: country.is_some_and(|c| c.is_eea()),
        properties: match invitation.role {
            Actor::Partner => invitation.properties.clone(),
            Actor::Handler => Vec::new(),
        },
        language: language.to_owned(),
    };
    let (token, token_hash) = auth::new_token();
    let (expires_at_ms, expires_at) = expiry(links.invitation_valid);
    let target = MailTarget {
        account_id: 0,
        name: account.name.trim().to_owned(),
        email: account.email.clone(),
        role: account.role,
        language: language.to_owned(),
    };
    let mail = crate::mail::invitation(
        &target,
        &links.link("welcome", &token),
        links.invitation_valid,
    );
    let link = NewLink {
        token_hash,
        purpose: LinkPurpose::Invitation,
        expires_at_ms,
    };
    let account_id = store.invite(&account, &link, &mail).await?;
    tracing::info!(account = account_id, "invited");
    Ok(Invited {
        account_id,
        link_expires_at: expires_at,
    })
}

/// Queues a reset e-mail for the account with this address, if there is one; says
/// whether an e-mail was queued (never shown to the caller).
pub async fn reset(store: &dyn Database, links: &Links, email: &str) -> Result<bool, StoreError> {
    if pulse_protocol::input::check_text(email, false).is_err() {
        return Ok(false);
    }
    let Some(target) = store.mail_target(email.trim()).await? else {
        return Ok(false);
    };
    let (token, token_hash) = auth::new_token();
    let (expires_at_ms, _) = expiry(links.reset_valid);
    let mail = crate::mail::reset(
        &target,
        &links.link("reset-password", &token),
        links.reset_valid,
    );
    let link = NewLink {
        token_hash,
        purpose: LinkPurpose::Reset,
        expires_at_ms,
    };
    store.start_reset(target.account_id, &link, &mail).await?;
    tracing::info!(account = target.account_id, "reset link sent");
    Ok(true)
}
