//! Errors from the key-value backends and from the store built on them.
//!
//! The kinds are kept apart on purpose, all the way to the interface: "nothing stored yet" is not
//! an error at all (a backend answers `Ok(None)`), "could not read" is not "could not decode", and a
//! full store is not the same as any other failed write, because each one asks the trainee for a
//! different, calm next step.

use std::error::Error;
use std::fmt;

/// A key-value backend could not do what was asked.
///
/// "Not found" is not an error: [`Backend::get`](super::backend::Backend::get) answers `Ok(None)`
/// for a key that has never been written, so a first run is never mistaken for a failure.
///
/// ```
/// use peer_study::storage::error::BackendError;
/// let full = BackendError::QuotaExceeded { key: "peer-study/draft/essay".into() };
/// assert!(full.is_quota_exceeded());
/// assert!(full.to_string().contains("full"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// There is no storage at all: turned off, blocked by the browser, or some private modes.
    Unavailable {
        /// What the browser said, for the developer console.
        detail: String,
    },
    /// Storage exists but reading this key failed.
    ReadFailed {
        /// The key that could not be read.
        key: String,
        /// What the browser said.
        detail: String,
    },
    /// The write did not fit: the browser's storage for this site is full.
    QuotaExceeded {
        /// The key whose write was refused.
        key: String,
    },
    /// A write or removal failed for any reason other than a full store.
    WriteFailed {
        /// The key that could not be written or removed.
        key: String,
        /// What the browser said.
        detail: String,
    },
}

impl BackendError {
    /// True for a full store (`QuotaExceededError`, or the legacy codes 22 and 1014).
    pub fn is_quota_exceeded(&self) -> bool {
        matches!(self, BackendError::QuotaExceeded { .. })
    }

    /// True when there is no storage at all.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, BackendError::Unavailable { .. })
    }
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackendError::Unavailable { detail } => {
                write!(
                    f,
                    "this browser is not letting Peer Study store anything ({detail})"
                )
            }
            BackendError::ReadFailed { key, detail } => {
                write!(f, "could not read \"{key}\" from storage ({detail})")
            }
            BackendError::QuotaExceeded { key } => {
                write!(f, "storage is full, so \"{key}\" could not be saved")
            }
            BackendError::WriteFailed { key, detail } => {
                write!(f, "could not save \"{key}\" ({detail})")
            }
        }
    }
}

impl Error for BackendError {}

/// Whether a browser exception means "storage is full": the standard `QuotaExceededError` (code
/// 22), old Firefox's `NS_ERROR_DOM_QUOTA_REACHED` (code 1014), or either code on its own.
///
/// ```
/// use peer_study::storage::error::is_quota_exception;
/// assert!(is_quota_exception("QuotaExceededError", 22));
/// assert!(is_quota_exception("NS_ERROR_DOM_QUOTA_REACHED", 1014));
/// assert!(!is_quota_exception("SecurityError", 18));
/// ```
pub fn is_quota_exception(name: &str, code: u16) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") || matches!(code, 22 | 1014)
}

/// The store refused a change or a restore.
///
/// Each message says what happened and that nothing was lost, so the interface can show it as is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The data was written by a newer version of Peer Study (or its version could not be read),
    /// so this copy of the app only reads it and never writes over it.
    ReadOnly,
    /// The key is not one of Peer Study's record keys (see [`keys`](super::keys)).
    NotARecordKey {
        /// The key that was refused.
        key: String,
    },
    /// A value could not be turned into JSON.
    Encode {
        /// The key being set.
        key: String,
        /// What serde said.
        detail: String,
    },
    /// No set-aside entry has this key (it may have been discarded in another tab).
    NoSuchQuarantineEntry {
        /// The quarantine key asked for.
        key: String,
    },
    /// No record is loaded under this key.
    NoSuchRecord {
        /// The key asked for.
        key: String,
    },
    /// A set-aside copy is only in memory (storage is full or missing), so its original may not
    /// be written over yet.
    CopyNotStoredYet {
        /// The set-aside copy's key.
        key: String,
    },
    /// There is no conflict waiting on this key.
    NoSuchConflict {
        /// The record key asked for.
        key: String,
    },
    /// The app's store has already closed (the page is being left), so nothing was done.
    Closed,
    /// Discarding a set-aside entry failed in storage; it is still there.
    Backend(BackendError),
}

impl StoreError {
    /// The message as a sentence to show on its own: a capital first letter and a full stop.
    ///
    /// ```
    /// use peer_study::storage::error::StoreError;
    /// assert_eq!(
    ///     StoreError::Closed.sentence(),
    ///     "The page is closing, so nothing has been changed."
    /// );
    /// ```
    pub fn sentence(&self) -> String {
        let text = self.to_string();
        let mut chars = text.chars();
        let mut sentence: String = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        if !sentence.ends_with('.') {
            sentence.push('.');
        }
        sentence
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::ReadOnly => write!(
                f,
                "your data is open read-only, to keep it safe, so nothing has been changed"
            ),
            StoreError::NotARecordKey { key } => {
                write!(
                    f,
                    "\"{key}\" is not a Peer Study record, so nothing has been changed"
                )
            }
            StoreError::Encode { key, detail } => {
                write!(f, "could not prepare \"{key}\" for saving ({detail})")
            }
            StoreError::NoSuchQuarantineEntry { key } => {
                write!(f, "there is no set-aside copy called \"{key}\" any more")
            }
            StoreError::NoSuchRecord { key } => write!(f, "there is no record \"{key}\" loaded"),
            StoreError::CopyNotStoredYet { key } => write!(
                f,
                "the set-aside copy \"{key}\" isn't safely stored yet, so the original is kept \
                 too; please download the copy or discard it first"
            ),
            StoreError::NoSuchConflict { key } => {
                write!(f, "there is no conflict waiting on \"{key}\"")
            }
            StoreError::Closed => write!(f, "the page is closing, so nothing has been changed"),
            StoreError::Backend(e) => write!(f, "{e}"),
        }
    }
}

impl Error for StoreError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            StoreError::Backend(e) => Some(e),
            _ => None,
        }
    }
}

impl From<BackendError> for StoreError {
    fn from(e: BackendError) -> Self {
        StoreError::Backend(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The restore screen shows these as they are: it used to add "Nothing has been changed."
    // after a message that already said so.
    #[test]
    fn the_errors_a_restore_can_give_say_once_that_nothing_changed() {
        for error in [StoreError::ReadOnly, StoreError::Closed] {
            let sentence = error.sentence();
            assert_eq!(
                sentence
                    .to_lowercase()
                    .matches("nothing has been changed")
                    .count(),
                1,
                "{sentence}"
            );
            assert!(
                sentence.ends_with("nothing has been changed."),
                "{sentence}"
            );
        }
    }
}
