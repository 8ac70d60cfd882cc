//! Wrong passcode tries, and the wait before the next one.
//!
//! The first five wrong tries cost nothing but the key derivation. After that each try waits a
//! little longer than the one before (5 s, 10 s, 20 s ... up to 5 minutes), which slows someone
//! guessing at the screen without ever locking the trainee out for good. The count is stored (see
//! [`ATTEMPTS`](super::ATTEMPTS)) so a reload doesn't reset it, and cleared by a right passcode.

use serde::{Deserialize, Serialize};

use crate::domain::date::UnixMs;

/// Wrong tries allowed before any wait.
pub const FREE_TRIES: u32 = 5;
/// The first wait, after the sixth wrong try... and it doubles from there.
const FIRST_WAIT_MS: UnixMs = 5_000;
/// The longest wait.
const LONGEST_WAIT_MS: UnixMs = 5 * 60_000;

/// Wrong tries since the last right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attempts {
    /// How many wrong tries in a row.
    pub failures: u32,
    /// When the last wrong try was made.
    pub last_failed_at: UnixMs,
}

impl Attempts {
    /// Reads the stored count; anything unreadable counts as none (it only ever slows a try).
    pub fn decode(raw: Option<&str>) -> Attempts {
        raw.and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_default()
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// One more wrong try, at `now`.
    pub fn failed(self, now: UnixMs) -> Attempts {
        Attempts {
            failures: self.failures.saturating_add(1),
            last_failed_at: now,
        }
    }

    /// How long to wait after the last wrong try before the next try is allowed.
    ///
    /// ```
    /// use peer_study::storage::crypto::attempts::Attempts;
    /// let after = |failures| Attempts { failures, last_failed_at: 0 }.wait_ms();
    /// assert_eq!(after(5), 0);
    /// assert_eq!(after(6), 5_000);
    /// assert_eq!(after(7), 10_000);
    /// ```
    pub fn wait_ms(&self) -> UnixMs {
        if self.failures <= FREE_TRIES {
            return 0;
        }
        let doublings = (self.failures - FREE_TRIES - 1).min(16);
        (FIRST_WAIT_MS << doublings).min(LONGEST_WAIT_MS)
    }

    /// When the next try is allowed.
    pub fn next_try_at(&self) -> UnixMs {
        if self.failures <= FREE_TRIES {
            0
        } else {
            self.last_failed_at + self.wait_ms()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_wrong_tries_are_free_and_each_after_waits_longer_up_to_five_minutes() {
        let mut attempts = Attempts::default();
        for _ in 0..5 {
            attempts = attempts.failed(1_000);
            assert_eq!(attempts.next_try_at(), 0);
        }
        let mut waits = Vec::new();
        for _ in 0..12 {
            attempts = attempts.failed(1_000);
            waits.push(attempts.wait_ms());
        }
        assert_eq!(&waits[..4], &[5_000, 10_000, 20_000, 40_000]);
        assert!(waits.windows(2).all(|w| w[1] >= w[0]));
        assert_eq!(*waits.last().unwrap(), 300_000);
        assert_eq!(attempts.next_try_at(), 301_000);
    }

    #[test]
    fn the_count_survives_a_reload_and_damage_counts_as_none() {
        let attempts = Attempts::default().failed(7).failed(9);
        assert_eq!(Attempts::decode(Some(&attempts.encode())), attempts);
        assert_eq!(Attempts::decode(Some("{")), Attempts::default());
        assert_eq!(Attempts::decode(None), Attempts::default());
    }
}
