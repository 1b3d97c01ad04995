//! The rules for a new password, NIST SP 800-63B 5.1.1.2: the length rule that the app
//! checks too ([`pulse_protocol::input::check_password_length`]), and the list of
//! common and leaked passwords that only the server carries (`data/README.md`).

use std::collections::HashSet;
use std::sync::LazyLock;

use pulse_protocol::input::{self, InputError};

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
});

/// Whether `password` may be chosen: 8 to 128 characters, any of them, and not one of
/// the common or leaked passwords (compared in lowercase, as the list is).
pub fn check_new_password(password: &str) -> Result<(), InputError> {
    input::check_password_length(password)?;
    if COMMON.contains(password.to_lowercase().as_str()) {
        return Err(InputError::PasswordCommon);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_short_passwords_are_refused_and_others_taken() {
        assert_eq!(
            check_new_password("password"),
            Err(InputError::PasswordCommon)
        );
        assert_eq!(
            check_new_password("PassWord"),
            Err(InputError::PasswordCommon)
        );
        assert_eq!(
            check_new_password("12345678"),
            Err(InputError::PasswordCommon)
        );
        assert_eq!(
            check_new_password("short"),
            Err(InputError::PasswordTooShort)
        );
        assert_eq!(
            check_new_password(&"long".repeat(33)),
            Err(InputError::PasswordTooLong)
        );
        // No rules of composition: lowercase words with spaces are fine, and so is
        // any script.
        assert!(check_new_password("tulips by the canal").is_ok());
        assert!(check_new_password("ルームサービス 24").is_ok());
        assert!(COMMON.len() > 8_000);
    }
}
