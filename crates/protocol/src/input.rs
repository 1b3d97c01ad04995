//! User input parsed once, at the edge, into typed values with the product's limits.
//! Both the app (to show inline errors before sending) and the server (to refuse bad
//! requests) go through these, so the two can never disagree.

use crate::error::ErrorCode;
use crate::topics::{Topic, TopicId};

/// At most this many characters in a message, after trimming.
pub const MAX_BODY_CHARS: usize = 5_000;
/// At most this many attachments on one message.
pub const MAX_ATTACHMENTS: usize = 5;
/// Default size limit of one attachment.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Longest confirmation number accepted.
pub const MAX_RESERVATION_DIGITS: usize = 20;
/// Longest name of a person (who complains).
pub const MAX_NAME_CHARS: usize = 200;
/// Longest phone number, as people type it.
pub const MAX_PHONE_CHARS: usize = 40;
/// Diagnostics of a technical issue: at most this many entries...
pub const MAX_DIAGNOSTICS: usize = 32;
/// ...each key at most this long...
pub const MAX_DIAGNOSTIC_KEY_CHARS: usize = 64;
/// ...and each value.
pub const MAX_DIAGNOSTIC_VALUE_CHARS: usize = 500;
/// Fewest characters in a password (NIST SP 800-63B, 5.1.1.2).
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Most characters in a password: long passphrases fit, a megabyte to hash does not.
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Longest title of a saved reply.
pub const MAX_SAVED_REPLY_TITLE_CHARS: usize = 100;
/// Most saved replies one handler keeps.
pub const MAX_SAVED_REPLIES: usize = 50;
/// Fewest characters a search looks for (a trigram), and the most.
pub const MIN_SEARCH_CHARS: usize = 3;
pub const MAX_SEARCH_CHARS: usize = 100;
/// Longest language tag a case records (BCP 47 allows more; nobody needs it).
pub const MAX_LANGUAGE_TAG_CHARS: usize = 35;
/// What a saved reply's body holds where the partner's name goes.
pub const PARTNER_NAME_VARIABLE: &str = "{partner_name}";

/// Why a piece of input was refused. Each maps to one stable [`ErrorCode`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("the message is empty")]
    BodyEmpty,
    #[error("the message is longer than {MAX_BODY_CHARS} characters")]
    BodyTooLong,
    #[error("there is no topic {0:?}")]
    UnknownTopic(String),
    #[error("the topic has no subtopic {0:?}")]
    UnknownSubtopic(String),
    #[error("a confirmation number is made of digits only")]
    ReservationRefInvalid,
    #[error("at most {MAX_ATTACHMENTS} attachments per message")]
    TooManyAttachments,
    #[error("an attachment is larger than its limit of {0} bytes")]
    AttachmentTooLarge(usize),
    #[error("attachments must be JPEG, PNG, WebP, HEIC or PDF")]
    UnsupportedMediaType,
    #[error("a country is a two-letter ISO code")]
    CountryInvalid,
    #[error("a complaint names who complains")]
    ContactRequired,
    #[error("the email address is not complete")]
    EmailInvalid,
    #[error("the text holds a NUL or another control character")]
    TextInvalid,
    #[error("a name or phone number is longer than its limit")]
    TextTooLong,
    #[error("diagnostics: at most {MAX_DIAGNOSTICS} entries of short keys and values")]
    DiagnosticsInvalid,
    #[error("a password has at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    #[error("a password has at most {MAX_PASSWORD_CHARS} characters")]
    PasswordTooLong,
    #[error("the password is one of the most common or leaked ones")]
    PasswordCommon,
    #[error("a language is a tag such as nl or pt-BR")]
    LanguageInvalid,
    #[error("a search looks for {MIN_SEARCH_CHARS} to {MAX_SEARCH_CHARS} characters")]
    SearchInvalid,
    #[error("a cursor this server did not give")]
    CursorInvalid,
    #[error("the push subscription or device token is not valid: {0}")]
    PushTargetInvalid(&'static str),
}

impl InputError {
    /// The stable code the app translates.
    pub fn code(&self) -> ErrorCode {
        match self {
            InputError::BodyEmpty => ErrorCode::BodyEmpty,
            InputError::BodyTooLong => ErrorCode::BodyTooLong,
            InputError::UnknownTopic(_) => ErrorCode::UnknownTopic,
            InputError::UnknownSubtopic(_) => ErrorCode::UnknownSubtopic,
            InputError::ReservationRefInvalid => ErrorCode::ReservationRefInvalid,
            InputError::TooManyAttachments => ErrorCode::TooManyAttachments,
            InputError::AttachmentTooLarge(_) => ErrorCode::AttachmentTooLarge,
            InputError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            InputError::CountryInvalid => ErrorCode::InvalidInput,
            InputError::ContactRequired => ErrorCode::ContactRequired,
            InputError::EmailInvalid => ErrorCode::EmailInvalid,
            InputError::TextInvalid => ErrorCode::TextInvalid,
            InputError::TextTooLong => ErrorCode::TextTooLong,
            InputError::PushTargetInvalid(_) => ErrorCode::PushTargetInvalid,
            InputError::DiagnosticsInvalid => ErrorCode::InvalidInput,
            InputError::PasswordTooShort => ErrorCode::PasswordTooShort,
            InputError::PasswordTooLong => ErrorCode::PasswordTooLong,
            InputError::PasswordCommon => ErrorCode::PasswordCommon,
            InputError::LanguageInvalid | InputError::SearchInvalid | InputError::CursorInvalid => {
                ErrorCode::InvalidInput
            }
        }
    }
}

/// Refuses text that no person typed: NUL and the other control characters, except
/// newline and tab (`multiline`), or any of them (a single line: a name, a number).
/// A text field of every request goes through this or a parser that calls it, so no
/// database ever sees a NUL (PostgreSQL refuses them in text).
///
/// ```
/// use pulse_protocol::input::check_text;
/// assert!(check_text("Line one\n\tLine two", true).is_ok());
/// assert!(check_text("Anna\u{0}", false).is_err());
/// assert!(check_text("Anna\nBerg", false).is_err());
/// assert!(check_text("bell\u{7}", true).is_err());
/// ```
pub fn check_text(text: &str, multiline: bool) -> Result<(), InputError> {
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if text.chars().any(|c| c.is_control() && !allowed(c)) {
        Err(InputError::TextInvalid)
    } else {
        Ok(())
    }
}

/// The length rule for a new password, NIST SP 800-63B 5.1.1.2: 8 to 128 characters
/// (Unicode code points), any characters, spaces too, and no rules of composition.
/// The server also refuses the most common and leaked passwords (a list the app does
/// not carry).
///
/// ```
/// use pulse_protocol::input::{InputError, check_password_length};
/// assert!(check_password_length("correct horse").is_ok());
/// assert!(check_password_length("ñandú ü ☃").is_ok());
/// assert_eq!(check_password_length("seven77"), Err(InputError::PasswordTooShort));
/// assert_eq!(check_password_length(&"x".repeat(129)), Err(InputError::PasswordTooLong));
/// ```
pub fn check_password_length(password: &str) -> Result<(), InputError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err(InputError::PasswordTooShort)
    } else if chars > MAX_PASSWORD_CHARS {
        Err(InputError::PasswordTooLong)
    } else {
        Ok(())
    }
}

/// Whether a text shows anything: something is left once Unicode's White_Space and
/// Default_Ignorable_Code_Point characters (zero-width spaces and joiners, bidi marks,
/// variation selectors, soft hyphens…) are taken away.
///
/// ```
/// use pulse_protocol::input::has_visible_text;
/// assert!(has_visible_text(" ok "));
/// assert!(!has_visible_text("\u{200B}\u{200B} \u{FEFF}\u{2060}"));
/// ```
pub fn has_visible_text(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && !is_default_ignorable(c))
}

/// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, 15.1).
fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}

/// A one-line text a person typed (a name, a phone number): trimmed, no control
/// characters, at most `max` characters; `None` when nothing visible is left.
pub fn parse_line(raw: &str, max: usize) -> Result<Option<String>, InputError> {
    check_text(raw, false)?;
    let trimmed = raw.trim();
    if !has_visible_text(trimmed) {
        return Ok(None);
    }
    if trimmed.chars().count() > max {
        return Err(InputError::TextTooLong);
    }
    Ok(Some(trimmed.to_owned()))
}

/// A message a partner or handler wrote: trimmed, 1 to 5,000 characters, something
/// visible in it, no control characters but newlines and tabs (a Windows line end
/// becomes a newline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageBody(String);

impl MessageBody {
    /// ```
    /// use pulse_protocol::input::{InputError, MessageBody};
    /// assert_eq!(MessageBody::parse("  Hello \n").unwrap().as_str(), "Hello");
    /// assert_eq!(MessageBody::parse("a\r\nb").unwrap().as_str(), "a\nb");
    /// assert_eq!(MessageBody::parse("   "), Err(InputError::BodyEmpty));
    /// assert_eq!(MessageBody::parse("\u{200B}\u{200D}"), Err(InputError::BodyEmpty));
    /// assert_eq!(MessageBody::parse("Hi\u{0}"), Err(InputError::TextInvalid));
    /// ```
    pub fn parse(raw: &str) -> Result<MessageBody, InputError> {
        let text;
        let raw = if raw.contains('\r') {
            text = raw.replace("\r\n", "\n").replace('\r', "\n");
            text.as_str()
        } else {
            raw
        };
        check_text(raw, true)?;
        let trimmed = raw.trim();
        if !has_visible_text(trimmed) {
            return Err(InputError::BodyEmpty);
        }
        if trimmed.chars().count() > MAX_BODY_CHARS {
            return Err(InputError::BodyTooLong);
        }
        Ok(MessageBody(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A topic and one of its own subtopics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicChoice {
    topic: &'static Topic,
    subtopic: &'static str,
}

impl TopicChoice {
    /// ```
    /// use pulse_protocol::input::TopicChoice;
    /// assert!(TopicChoice::parse("reservations", "cancellations").is_ok());
    /// assert!(TopicChoice::parse("reservations", "password").is_err());
    /// ```
    pub fn parse(topic: &str, subtopic: &str) -> Result<TopicChoice, InputError> {
        let id = TopicId::from_wire(topic).ok_or_else(|| InputError::UnknownTopic(topic.into()))?;
        let topic = id.topic();
        let subtopic = topic
            .subtopics
            .iter()
            .copied()
            .find(|s| *s == subtopic)
            .ok_or_else(|| InputError::UnknownSubtopic(subtopic.into()))?;
        Ok(TopicChoice { topic, subtopic })
    }

    pub fn topic(&self) -> TopicId {
        self.topic.id
    }

    pub fn subtopic(&self) -> &'static str {
        self.subtopic
    }

    /// Whether the form should ask for a confirmation number.
    pub fn asks_for_reservation(&self) -> bool {
        self.topic.asks_for_reservation
    }
}

/// A reservation's confirmation number: digits only (spaces the partner typed are
/// dropped), at most 20 of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReservationRef(String);

impl ReservationRef {
    /// ```
    /// use pulse_protocol::input::ReservationRef;
    /// assert_eq!(ReservationRef::parse(" 4021 339 871 ").unwrap().as_str(), "4021339871");
    /// assert!(ReservationRef::parse("40A1").is_err());
    /// ```
    pub fn parse(raw: &str) -> Result<ReservationRef, InputError> {
        // ASCII spaces only, as the API document's pattern says: exactly what JSON
        // Schema can describe, and what people type between digit groups.
        let digits: String = raw.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        if digits.is_empty()
            || digits.len() > MAX_RESERVATION_DIGITS
            || !digits.chars().all(|c| c.is_ascii_digit())
        {
            return Err(InputError::ReservationRefInvalid);
        }
        Ok(ReservationRef(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The kinds of file a message may carry, recognised by their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttachmentKind {
    Jpeg,
    Png,
    Webp,
    Heic,
    Pdf,
}

impl AttachmentKind {
    /// Recognises a file by its first bytes, whatever its name or declared type says.
    ///
    /// ```
    /// use pulse_protocol::input::AttachmentKind;
    /// assert_eq!(AttachmentKind::sniff(b"%PDF-1.7\n..."), Some(AttachmentKind::Pdf));
    /// assert_eq!(AttachmentKind::sniff(b"GIF89a"), None);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Option<AttachmentKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(AttachmentKind::Jpeg);
        }
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(AttachmentKind::Png);
        }
        if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            return Some(AttachmentKind::Webp);
        }
        if bytes.starts_with(b"%PDF-") {
            return Some(AttachmentKind::Pdf);
        }
        // HEIC/HEIF: an ISO-BMFF `ftyp` box whose major brand is one of HEIF's.
        if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
            const BRANDS: [&[u8]; 7] = [
                b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1",
            ];
            if BRANDS.contains(&&bytes[8..12]) {
                return Some(AttachmentKind::Heic);
            }
        }
        None
    }

    /// The media type stored and served for this kind.
    pub fn media_type(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "image/jpeg",
            AttachmentKind::Png => "image/png",
            AttachmentKind::Webp => "image/webp",
            AttachmentKind::Heic => "image/heic",
            AttachmentKind::Pdf => "application/pdf",
        }
    }

    /// The kind stored under a media type, if it is one of the kinds.
    pub fn from_media_type(media_type: &str) -> Option<AttachmentKind> {
        [
            AttachmentKind::Jpeg,
            AttachmentKind::Png,
            AttachmentKind::Webp,
            AttachmentKind::Heic,
            AttachmentKind::Pdf,
        ]
        .into_iter()
        .find(|kind| kind.media_type() == media_type)
    }

    /// The file-name extension a download of this kind is saved with.
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentKind::Jpeg => "jpg",
            AttachmentKind::Png => "png",
            AttachmentKind::Webp => "webp",
            AttachmentKind::Heic => "heic",
            AttachmentKind::Pdf => "pdf",
        }
    }

    /// Checks an upload: its size against `max_bytes`, its content against the kinds.
    pub fn check_upload(bytes: &[u8], max_bytes: usize) -> Result<AttachmentKind, InputError> {
        if bytes.len() > max_bytes {
            return Err(InputError::AttachmentTooLarge(max_bytes));
        }
        AttachmentKind::sniff(bytes).ok_or(InputError::UnsupportedMediaType)
    }
}

/// Checks a technical issue's diagnostics (what the app collected about the device):
/// a few entries of short one-line keys and values.
pub fn check_diagnostics<'a>(
    entries: impl ExactSizeIterator<Item = (&'a String, &'a String)>,
) -> Result<(), InputError> {
    if entries.len() > MAX_DIAGNOSTICS {
        return Err(InputError::DiagnosticsInvalid);
    }
    for (key, value) in entries {
        check_text(key, false)?;
        check_text(value, false)?;
        if key.trim().is_empty()
            || key.chars().count() > MAX_DIAGNOSTIC_KEY_CHARS
            || value.chars().count() > MAX_DIAGNOSTIC_VALUE_CHARS
        {
            return Err(InputError::DiagnosticsInvalid);
        }
    }
    Ok(())
}

/// Checks how many attachments one message carries.
pub fn check_attachment_count(count: usize) -> Result<(), InputError> {
    if count > MAX_ATTACHMENTS {
        Err(InputError::TooManyAttachments)
    } else {
        Ok(())
    }
}

/// Longest email address accepted (RFC 5321's limit on a forward path).
pub const MAX_EMAIL_CHARS: usize = 254;

/// An email address as people type it: something before one `@`, and a domain with a
/// dot after it, no spaces. Deliverability is the mail server's business; this catches
/// the half-typed address (`a@`, `anna@hotel`) before it is queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// ```
    /// use pulse_protocol::input::EmailAddress;
    /// assert_eq!(EmailAddress::parse(" anna@hotel.nl ").unwrap().as_str(), "anna@hotel.nl");
    /// assert!(EmailAddress::parse("a@").is_err());
    /// assert!(EmailAddress::parse("anna@hotel").is_err());
    /// ```
    pub fn parse(raw: &str) -> Result<EmailAddress, InputError> {
        let email = raw.trim();
        let (local, domain) = email.rsplit_once('@').ok_or(InputError::EmailInvalid)?;
        let domain_ok = domain.split('.').count() >= 2
            && domain.split('.').all(|label| !label.is_empty())
            && !domain.contains('@');
        if local.is_empty()
            || !domain_ok
            || email.chars().count() > MAX_EMAIL_CHARS
            || email.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(InputError::EmailInvalid);
        }
        Ok(EmailAddress(email.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What two spellings of one address share: the address in Unicode lower case. Accounts
    /// are found and kept unique by it, so `Anna@Hotel.NL` and `anna@hotel.nl` are one
    /// account whatever the database's own idea of case is.
    ///
    /// ```
    /// use pulse_protocol::input::EmailAddress;
    /// let key = |s| EmailAddress::parse(s).unwrap().key();
    /// assert_eq!(key("Anna@Hotel.NL"), key("anna@hotel.nl"));
    /// assert_eq!(key("ÅSA@hotell.se"), "åsa@hotell.se");
    /// ```
    pub fn key(&self) -> String {
        email_key(&self.0)
    }
}

/// [`EmailAddress::key`] of whatever was typed, complete or not: what a sign-in looks an
/// account up by (an address that does not parse finds nothing, or an account made
/// before addresses were parsed).
pub fn email_key(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// A country as an ISO 3166-1 alpha-2 code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country([u8; 2]);

/// The countries of the European Economic Area (EU, Iceland, Liechtenstein, Norway),
/// where partners may ask for mediation.
const EEA: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

impl Country {
    /// ```
    /// use pulse_protocol::input::Country;
    /// assert!(Country::parse("nl").unwrap().is_eea());
    /// assert!(!Country::parse("ID").unwrap().is_eea());
    /// ```
    pub fn parse(raw: &str) -> Result<Country, InputError> {
        let raw = raw.trim();
        match raw.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                Ok(Country([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
            }
            _ => Err(InputError::CountryInvalid),
        }
    }

    pub fn as_str(&self) -> &str {
        // Built only from two ASCII letters.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    pub fn is_eea(&self) -> bool {
        EEA.contains(&self.as_str())
    }
}

/// A language tag as a case records it: two or three letters, then up to three
/// subtags of 2 to 8 letters or digits (`nl`, `pt-BR`, `zh-Hant-TW`), the first in
/// lower case and a region in upper case. Blank is no language.
///
/// ```
/// use pulse_protocol::input::parse_language;
/// assert_eq!(parse_language(" NL ").unwrap().as_deref(), Some("nl"));
/// assert_eq!(parse_language("pt-br").unwrap().as_deref(), Some("pt-BR"));
/// assert_eq!(parse_language("").unwrap(), None);
/// assert!(parse_language("english!").is_err());
/// assert!(parse_language("n").is_err());
/// ```
pub fn parse_language(raw: &str) -> Result<Option<String>, InputError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    if raw.chars().count() > MAX_LANGUAGE_TAG_CHARS {
        return Err(InputError::LanguageInvalid);
    }
    let mut parts = raw.split('-');
    let primary = parts.next().unwrap_or_default();
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(InputError::LanguageInvalid);
    }
    let mut tag = primary.to_ascii_lowercase();
    for (i, part) in parts.enumerate() {
        if i >= 3
            || !(2..=8).contains(&part.len())
            || !part.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err(InputError::LanguageInvalid);
        }
        tag.push('-');
        if part.len() == 2 && part.bytes().all(|b| b.is_ascii_alphabetic()) {
            tag.push_str(&part.to_ascii_uppercase());
        } else {
            tag.push_str(part);
        }
    }
    Ok(Some(tag))
}

/// What a handler's search looks for: case-insensitive, so folded to lower case here
/// (the same folding for the text it is looked for in, see [`search_text`]), trimmed,
/// at least [`MIN_SEARCH_CHARS`] characters.
///
/// ```
/// use pulse_protocol::input::search_needle;
/// assert_eq!(search_needle("  Ångström ").unwrap(), "ångström");
/// assert!(search_needle("ab").is_err());
/// assert!(search_needle("a\u{0}b").is_err());
/// ```
pub fn search_needle(raw: &str) -> Result<String, InputError> {
    check_text(raw, false).map_err(|_| InputError::SearchInvalid)?;
    let needle = raw.trim().to_lowercase();
    let chars = needle.chars().count();
    if !(MIN_SEARCH_CHARS..=MAX_SEARCH_CHARS).contains(&chars) {
        return Err(InputError::SearchInvalid);
    }
    Ok(needle)
}

/// A piece of a case as its search index keeps it, folded as [`search_needle`] folds
/// what is looked for; pieces are kept apart by a newline, which no needle holds.
pub fn search_text<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for piece in pieces {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&piece.to_lowercase());
    }
    text
}

/// A case's number as people say it: the last eight hex digits of its id, in upper
/// case (the id's random part; the first digits of a time-ordered id are a clock).
///
/// ```
/// use pulse_protocol::input::case_number;
/// let id = uuid::Uuid::parse_str("0190f3e2-7c1a-7b3e-9d4f-1a2b3c4d5e6f").unwrap();
/// assert_eq!(case_number(id), "3C4D5E6F");
/// ```
pub fn case_number(id: uuid::Uuid) -> String {
    let hex = id.simple().to_string();
    hex[hex.len() - 8..].to_ascii_uppercase()
}

/// A saved reply made ready to send: the partner's name where the body says
/// [`PARTNER_NAME_VARIABLE`].
///
/// ```
/// use pulse_protocol::input::fill_saved_reply;
/// assert_eq!(fill_saved_reply("Dear {partner_name}, thanks.", "Anna"), "Dear Anna, thanks.");
/// ```
pub fn fill_saved_reply(body: &str, partner_name: &str) -> String {
    body.replace(PARTNER_NAME_VARIABLE, partner_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_limits_count_characters_not_bytes() {
        assert_eq!(MessageBody::parse(""), Err(InputError::BodyEmpty));
        assert_eq!(MessageBody::parse(" \n\t "), Err(InputError::BodyEmpty));
        let max = "é".repeat(MAX_BODY_CHARS);
        assert!(MessageBody::parse(&format!("  {max}  ")).is_ok());
        let over = "é".repeat(MAX_BODY_CHARS + 1);
        assert_eq!(MessageBody::parse(&over), Err(InputError::BodyTooLong));
        assert_eq!(MessageBody::parse("a").unwrap().as_str(), "a");
    }

    #[test]
    fn topic_and_subtopic_must_belong_together() {
        let choice = TopicChoice::parse("account", "channel_manager").unwrap();
        assert_eq!(choice.topic(), TopicId::Account);
        assert!(!choice.asks_for_reservation());
        assert!(
            TopicChoice::parse("reservations", "changes")
                .unwrap()
                .asks_for_reservation()
        );
        assert_eq!(
            TopicChoice::parse("weather", "other"),
            Err(InputError::UnknownTopic("weather".into()))
        );
        assert_eq!(
            TopicChoice::parse("payouts", "password"),
            Err(InputError::UnknownSubtopic("password".into()))
        );
    }

    #[test]
    fn reservation_refs_are_digits() {
        assert!(ReservationRef::parse("").is_err());
        assert!(ReservationRef::parse("12-34").is_err());
        assert!(
            ReservationRef::parse("１２３").is_err(),
            "full-width digits are not ASCII"
        );
        assert!(ReservationRef::parse(&"9".repeat(MAX_RESERVATION_DIGITS)).is_ok());
        assert!(ReservationRef::parse(&"9".repeat(MAX_RESERVATION_DIGITS + 1)).is_err());
    }

    #[test]
    fn attachments_are_known_by_content() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
        assert_eq!(AttachmentKind::sniff(&jpeg), Some(AttachmentKind::Jpeg));
        assert_eq!(
            AttachmentKind::sniff(b"\x89PNG\r\n\x1a\n\0\0"),
            Some(AttachmentKind::Png)
        );
        assert_eq!(
            AttachmentKind::sniff(b"RIFF\x10\0\0\0WEBPVP8 "),
            Some(AttachmentKind::Webp)
        );
        assert_eq!(
            AttachmentKind::sniff(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Some(AttachmentKind::Heic)
        );
        assert_eq!(
            AttachmentKind::sniff(b"\0\0\0\x18ftypisom"),
            None,
            "mp4 is not HEIC"
        );
        assert_eq!(AttachmentKind::sniff(b"<html>"), None);
        assert_eq!(AttachmentKind::sniff(b""), None);
        assert_eq!(
            AttachmentKind::check_upload(&jpeg, 3),
            Err(InputError::AttachmentTooLarge(3))
        );
        assert_eq!(
            AttachmentKind::check_upload(b"plain text", 100),
            Err(InputError::UnsupportedMediaType)
        );
        assert!(check_attachment_count(MAX_ATTACHMENTS).is_ok());
        assert_eq!(
            check_attachment_count(MAX_ATTACHMENTS + 1),
            Err(InputError::TooManyAttachments)
        );
    }

    #[test]
    fn email_addresses_need_a_local_part_and_a_dotted_domain() {
        for good in [
            "a@b.c",
            "anna.de.vries+pulse@hotel.example.nl",
            "ops@xn--hotl-bpa.fr",
        ] {
            assert!(EmailAddress::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "", "a@", "@b.c", "a", "a@b", "a@b.", "a@.b", "a b@c.d", "a@b..c",
        ] {
            assert_eq!(
                EmailAddress::parse(bad),
                Err(InputError::EmailInvalid),
                "{bad}"
            );
        }
        let long = format!("{}@b.c", "a".repeat(MAX_EMAIL_CHARS));
        assert_eq!(EmailAddress::parse(&long), Err(InputError::EmailInvalid));
    }

    #[test]
    fn countries() {
        assert_eq!(Country::parse(" se ").unwrap().as_str(), "SE");
        assert!(Country::parse("SWE").is_err());
        assert!(Country::parse("1A").is_err());
        assert!(Country::parse("NO").unwrap().is_eea());
        assert!(!Country::parse("CH").unwrap().is_eea());
        assert!(!Country::parse("GB").unwrap().is_eea());
    }
}
