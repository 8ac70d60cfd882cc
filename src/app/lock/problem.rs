//! What can stop the lock's actions (unlocking, recovering, turning the lock on or off, changing
//! the passcode, locking now), kept typed up to the form that says it: each form shows the
//! problem's own sentence, and a test or a caller can tell one problem from another.

use std::error::Error;
use std::fmt;

use super::web_crypto::WebCryptoError;
use crate::storage::crypto::convert::LockError;
use crate::storage::crypto::keyring::{KeyringError, PasscodeProblem, UnwrapError};
use crate::storage::crypto::random::RandomError;
use crate::storage::crypto::recovery_key::RecoveryKeyError;
use crate::storage::error::BackendError;

/// Why a lock action didn't happen. Every one leaves the trainee's notes as they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockProblem {
    /// Changes still waiting to be saved: locking or converting now could lose them.
    Unsaved,
    /// No keyring is stored: the lock isn't on.
    NotOn,
    /// Storage could not be read.
    Storage(BackendError),
    /// The stored keyring can't be read.
    KeyringUnreadable(KeyringError),
    /// A keyring could not be made or rewrapped.
    Keyring(KeyringError),
    /// Too many wrong tries lately: wait this many seconds.
    Wait(u64),
    /// The passcode or recovery key doesn't open the keyring; `wait` seconds before the next try
    /// (0 when another try may follow at once).
    DoesNotOpen { problem: UnwrapError, wait: u64 },
    /// The passcode given as the current one, when changing it, isn't.
    NotCurrentPasscode,
    /// A new passcode that can't be used (too short, or the repeat differs).
    NewPasscode(PasscodeProblem),
    /// The recovery key as typed isn't one.
    RecoveryKey(RecoveryKeyError),
    /// The browser's Web Crypto is missing or refused.
    WebCrypto(WebCryptoError),
    /// No random numbers to be had.
    Random(RandomError),
    /// Turning the lock on or off stopped (see the storage side's [`LockError`]).
    Conversion(LockError),
}

impl fmt::Display for LockProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockProblem::Unsaved => write!(
                f,
                "Your latest changes couldn't be saved yet, so nothing has been changed. Please \
                 download a backup from My data first."
            ),
            LockProblem::NotOn => write!(f, "The passcode lock isn't on."),
            LockProblem::Storage(e) => write!(f, "{e}"),
            LockProblem::KeyringUnreadable(e) => write!(f, "Peer Study can't open: {e}."),
            LockProblem::Keyring(e) => write!(f, "{e}"),
            LockProblem::Wait(seconds) => write!(f, "{}", wait_message(*seconds)),
            LockProblem::DoesNotOpen { problem, wait: 0 } => write!(f, "{problem}"),
            LockProblem::DoesNotOpen { problem, wait } => {
                write!(f, "{problem} {}", wait_message(*wait))
            }
            LockProblem::NotCurrentPasscode => write!(
                f,
                "That isn't your current passcode, so it hasn't changed. Please check it and try \
                 again."
            ),
            LockProblem::NewPasscode(e) => write!(f, "{e}"),
            LockProblem::RecoveryKey(e) => write!(f, "{e}"),
            LockProblem::WebCrypto(e) => write!(f, "{e}"),
            LockProblem::Random(e) => write!(f, "{e}"),
            LockProblem::Conversion(e) => write!(f, "{e}"),
        }
    }
}

impl Error for LockProblem {}

impl From<BackendError> for LockProblem {
    fn from(e: BackendError) -> Self {
        LockProblem::Storage(e)
    }
}

impl From<WebCryptoError> for LockProblem {
    fn from(e: WebCryptoError) -> Self {
        LockProblem::WebCrypto(e)
    }
}

impl From<RandomError> for LockProblem {
    fn from(e: RandomError) -> Self {
        LockProblem::Random(e)
    }
}

impl From<RecoveryKeyError> for LockProblem {
    fn from(e: RecoveryKeyError) -> Self {
        LockProblem::RecoveryKey(e)
    }
}

impl From<LockError> for LockProblem {
    fn from(e: LockError) -> Self {
        LockProblem::Conversion(e)
    }
}

/// "please wait 30 seconds", in a whole sentence.
fn wait_message(seconds: u64) -> String {
    format!(
        "To keep your notes safe after several tries, please wait {seconds} second{} before \
         trying again.",
        if seconds == 1 { "" } else { "s" }
    )
}
