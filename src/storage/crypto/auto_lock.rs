//! How long Peer Study may be hidden (another app in front, the phone asleep) before it locks.
//!
//! Stored as plain text under [`AUTO_LOCK`](super::AUTO_LOCK): it holds no secret, and a tab
//! needs it while unlocked only.

use crate::domain::date::UnixMs;

/// The auto-lock choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoLock {
    /// Never lock by itself (only "Lock now", or closing every tab).
    Off,
    /// Lock as soon as it is hidden.
    Immediately,
    /// Lock once it has been hidden this many minutes.
    After(u32),
}

impl AutoLock {
    /// Every choice, in the order the settings offer them.
    pub const ALL: [AutoLock; 5] = [
        AutoLock::Off,
        AutoLock::Immediately,
        AutoLock::After(1),
        AutoLock::After(5),
        AutoLock::After(15),
    ];

    /// The default: five minutes.
    pub const DEFAULT: AutoLock = AutoLock::After(5);

    /// The stored spelling.
    pub fn as_str(self) -> String {
        match self {
            AutoLock::Off => "off".into(),
            AutoLock::Immediately => "0".into(),
            AutoLock::After(m) => m.to_string(),
        }
    }

    /// Reads a stored choice; anything else (or nothing) is the default.
    ///
    /// ```
    /// use peer_study::storage::crypto::auto_lock::AutoLock;
    /// assert_eq!(AutoLock::parse(Some("15")), AutoLock::After(15));
    /// assert_eq!(AutoLock::parse(Some("0")), AutoLock::Immediately);
    /// assert_eq!(AutoLock::parse(None), AutoLock::After(5));
    /// ```
    pub fn parse(stored: Option<&str>) -> AutoLock {
        match stored {
            Some("off") => AutoLock::Off,
            Some(s) => match s.parse::<u32>() {
                Ok(0) => AutoLock::Immediately,
                Ok(m) if AutoLock::ALL.contains(&AutoLock::After(m)) => AutoLock::After(m),
                _ => AutoLock::DEFAULT,
            },
            None => AutoLock::DEFAULT,
        }
    }

    /// What the settings call it.
    pub fn label(self) -> String {
        match self {
            AutoLock::Off => "Off".into(),
            AutoLock::Immediately => "Immediately".into(),
            AutoLock::After(1) => "After 1 minute".into(),
            AutoLock::After(m) => format!("After {m} minutes"),
        }
    }

    /// How long hidden before locking, in milliseconds; `None` for never.
    pub fn delay_ms(self) -> Option<UnixMs> {
        match self {
            AutoLock::Off => None,
            AutoLock::Immediately => Some(0),
            AutoLock::After(m) => Some(UnixMs::from(m) * 60_000),
        }
    }

    /// Whether the app, hidden since `hidden_at`, should be locked at `now`.
    pub fn is_due(self, hidden_at: UnixMs, now: UnixMs) -> bool {
        self.delay_ms().is_some_and(|d| now - hidden_at >= d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_choice_round_trips_and_the_default_is_five_minutes() {
        for choice in AutoLock::ALL {
            assert_eq!(AutoLock::parse(Some(&choice.as_str())), choice);
        }
        assert_eq!(AutoLock::parse(Some("7")), AutoLock::After(5));
        assert_eq!(AutoLock::parse(Some("soon")), AutoLock::After(5));
        assert_eq!(AutoLock::After(1).label(), "After 1 minute");
    }

    #[test]
    fn it_locks_only_once_hidden_long_enough() {
        assert!(AutoLock::Immediately.is_due(1_000, 1_000));
        assert!(!AutoLock::After(5).is_due(0, 299_999));
        assert!(AutoLock::After(5).is_due(0, 300_000));
        assert!(!AutoLock::Off.is_due(0, UnixMs::MAX / 2));
    }
}
