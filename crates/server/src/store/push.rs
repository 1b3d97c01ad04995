//! The writes of push notifications: a device registered or removed, a device's stream
//! seen visible, and the push queue's claims and outcomes. The pushes themselves are
//! queued by the case flow, in the transaction of the event they announce.

use pulse_protocol::push::{MAX_DEVICES, ValidDevice};
use uuid::Uuid;

use super::backend::{NewDeviceRow, PushRow, Tx, Write, Written};
use super::{Result, StoreError};

pub(super) struct RegisterDevice {
    pub account_id: i64,
    pub session_hash: [u8; 32],
    pub device: ValidDevice,
    pub now: i64,
}

impl Write for RegisterDevice {
    /// The device's id, and when it was first registered.
    type Output = (Uuid, i64);

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<(Uuid, i64)>> {
        let address = &self.device.address;
        let (p256dh, auth) = match address {
            pulse_protocol::push::PushAddress::WebPush { p256dh, auth, .. } => {
                (Some(p256dh.as_slice()), Some(auth.as_slice()))
            }
            _ => (None, None),
        };
        let platform = address.platform().as_str();
        let existing = tx.device_at(platform, address.key()).await?;
        let id = match existing {
            Some((_, owner)) if owner != self.account_id => {
                return Err(StoreError::PushTargetTaken);
            }
            Some((id, _)) => id,
            None => Uuid::now_v7(),
        };
        let row = NewDeviceRow {
            id,
            account_id: self.account_id,
            session_hash: &self.session_hash,
            platform,
            address: address.key(),
            p256dh,
            auth,
            language: &self.device.language,
            label: &self.device.label,
            created_at: self.now,
        };
        if existing.is_some() {
            tx.update_device(&row).await?;
        } else {
            tx.insert_device(&row).await?;
            tx.trim_devices(self.account_id, MAX_DEVICES as i64).await?;
        }
        Ok(Written::quiet((id, self.now)))
    }
}

pub(super) struct RemoveDevice {
    pub id: Uuid,
    /// `None`: whoever's it is (a push service said it is gone).
    pub account_id: Option<i64>,
}

impl Write for RemoveDevice {
    type Output = bool;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<bool>> {
        Ok(Written::quiet(
            tx.delete_device(self.id, self.account_id).await?,
        ))
    }
}

pub(super) struct MarkVisible {
    pub id: Uuid,
    pub account_id: i64,
    pub until: i64,
}

impl Write for MarkVisible {
    type Output = bool;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<bool>> {
        Ok(Written::quiet(
            tx.mark_visible(self.id, self.account_id, self.until)
                .await?,
        ))
    }
}

pub(super) struct ClaimPushes {
    pub now: i64,
    pub lease_until: i64,
    pub limit: i64,
}

impl Write for ClaimPushes {
    type Output = Vec<PushRow>;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<Vec<PushRow>>> {
        Ok(Written::quiet(
            tx.claim_pushes(self.now, self.lease_until, self.limit)
                .await?,
        ))
    }
}

/// What became of pushes that were tried.
#[derive(Debug, Default, Clone)]
pub struct PushOutcomes {
    /// Delivered to the push service, or skipped (the device was looking): done.
    pub done: Vec<i64>,
    /// Push id, when to try again (ms since the epoch), why.
    pub retry: Vec<(i64, i64, String)>,
    /// Targets their push service no longer knows: removed with their queued pushes.
    pub gone: Vec<Uuid>,
}

impl PushOutcomes {
    pub fn is_empty(&self) -> bool {
        self.done.is_empty() && self.retry.is_empty() && self.gone.is_empty()
    }
}

pub(super) struct RecordPushes(pub PushOutcomes);

impl Write for RecordPushes {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        for id in &self.0.done {
            tx.delete_push(*id).await?;
        }
        for (id, at, error) in &self.0.retry {
            tx.retry_push(*id, *at, error).await?;
        }
        for device in &self.0.gone {
            tx.delete_device(*device, None).await?;
        }
        Ok(Written::quiet(()))
    }
}
