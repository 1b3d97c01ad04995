//! The writes of a partner's first day and the way back in: an invitation, a reset,
//! a link used to choose a password, a password changed, and the e-mail queue that
//! carries the links. Each is one transaction, so an e-mail is queued exactly when what
//! it announces is stored.

use pulse_protocol::wire::LinkPurpose;

use super::backend::{MailRow, NewAccountRow, NewLinkRow, NewMailRow, Tx, Write, Written};
use super::{Mail, NewAccount, NewLink, Result, StoreError};
use pulse_protocol::input::EmailAddress;

fn link_row<'a>(link: &'a NewLink, account_id: i64, now: i64) -> NewLinkRow<'a> {
    NewLinkRow {
        token_hash: &link.token_hash,
        account_id,
        purpose: link.purpose.as_str(),
        created_at: now,
        expires_at: link.expires_at_ms,
    }
}

fn mail_row(mail: &Mail, now: i64) -> NewMailRow<'_> {
    NewMailRow {
        recipient: &mail.recipient,
        subject: &mail.subject,
        text_body: &mail.text_body,
        html_body: &mail.html_body,
        created_at: now,
    }
}

pub(super) struct Invite {
    pub account: NewAccount,
    pub email: EmailAddress,
    pub link: NewLink,
    pub mail: Mail,
    pub now: i64,
}

impl Write for Invite {
    type Output = i64;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<i64>> {
        let account = &self.account;
        let key = self.email.key();
        let inserted = tx
            .insert_account(&NewAccountRow {
                role: account.role,
                email: self.email.as_str(),
                email_key: &key,
                name: &account.name,
                // No password until the link is used: no hash matches an empty one.
                password_hash: "",
                country: &account.country,
                in_eea: account.in_eea,
                language: &account.language,
                created_at: self.now,
            })
            .await?;
        let id = match inserted {
            Some(id) => {
                for name in &account.properties {
                    tx.insert_property(id, name).await?;
                }
                id
            }
            // Invited before and never came: the new link replaces the old one.
            None => match tx.login_by_key(&key).await? {
                Some(existing) if existing.password_hash.is_empty() => existing.id,
                _ => return Err(StoreError::EmailTaken),
            },
        };
        tx.replace_link(&link_row(&self.link, id, self.now)).await?;
        tx.enqueue_mail(&mail_row(&self.mail, self.now)).await?;
        Ok(Written::quiet(id))
    }
}

pub(super) struct StartReset {
    pub account_id: i64,
    pub link: NewLink,
    pub mail: Mail,
    pub now: i64,
}

impl Write for StartReset {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.replace_link(&link_row(&self.link, self.account_id, self.now))
            .await?;
        tx.enqueue_mail(&mail_row(&self.mail, self.now)).await?;
        Ok(Written::quiet(()))
    }
}

pub(super) struct UseLink {
    pub token_hash: [u8; 32],
    pub password_hash: String,
    pub session: [u8; 32],
    pub now: i64,
}

impl Write for UseLink {
    type Output = (i64, LinkPurpose);

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<(i64, LinkPurpose)>> {
        let link = tx
            .take_link(&self.token_hash)
            .await?
            .ok_or(StoreError::LinkInvalid)?;
        let purpose = LinkPurpose::from_wire(&link.purpose)
            .ok_or_else(|| StoreError::Corrupt(format!("a link for {:?}", link.purpose)))?;
        if link.expires_at <= self.now {
            return Err(StoreError::LinkInvalid);
        }
        tx.set_password(link.account_id, &self.password_hash)
            .await?;
        tx.delete_account_sessions(link.account_id).await?;
        tx.delete_links(link.account_id).await?;
        tx.insert_session(&self.session, link.account_id, self.now)
            .await?;
        Ok(Written::quiet((link.account_id, purpose)))
    }
}

pub(super) struct ChangePassword {
    pub account_id: i64,
    pub password_hash: String,
    pub keep: [u8; 32],
}

impl Write for ChangePassword {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.set_password(self.account_id, &self.password_hash)
            .await?;
        tx.delete_other_sessions(self.account_id, &self.keep)
            .await?;
        // A reset link asked for before is of no use any more.
        tx.delete_links(self.account_id).await?;
        Ok(Written::quiet(()))
    }
}

pub(super) struct ClaimMail {
    pub now: i64,
    pub lease_until: i64,
}

impl Write for ClaimMail {
    type Output = Option<MailRow>;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<Option<MailRow>>> {
        Ok(Written::quiet(
            tx.claim_mail(self.now, self.lease_until).await?,
        ))
    }
}

pub(super) struct MailSent {
    pub id: i64,
}

impl Write for MailSent {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.delete_mail(self.id).await?;
        Ok(Written::quiet(()))
    }
}

pub(super) struct MailFailed {
    pub id: i64,
    pub next_attempt_at: i64,
    pub error: String,
}

impl Write for MailFailed {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.retry_mail(self.id, self.next_attempt_at, &self.error)
            .await?;
        Ok(Written::quiet(()))
    }
}
