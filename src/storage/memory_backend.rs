//! An in-memory backend for tests, which can be told to misbehave the way browsers do.
//!
//! Faults it can inject: fail the Nth write from now (as a full store or as another failure), a
//! byte quota counted the way browsers count (UTF-16 code units of key plus value), a garbled or
//! truncated value (or a read failure) for one key, and no storage at all. It also keeps a log of
//! the writes that reached it, so tests can check that only changed records were written.

use std::collections::BTreeMap;

use super::backend::{storage_units, Backend, BROWSER_QUOTA_UNITS};
use super::error::BackendError;

/// How an injected write failure shows itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteFault {
    /// As the browser's `QuotaExceededError`.
    QuotaExceeded,
    /// As any other failed write.
    Other,
}

/// How an injected read fault changes what `get` returns for one key (what is stored is untouched).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFault {
    /// The value comes back scrambled (never valid JSON).
    Garbled,
    /// Only the first `keep_chars` characters come back, as after a half-finished write.
    Truncated {
        /// How many characters survive.
        keep_chars: usize,
    },
    /// Reading the key fails outright.
    Fails,
}

/// One write that reached the backend, for tests to inspect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoggedWrite {
    /// `set` succeeded for this key.
    Set(String),
    /// `remove` succeeded for this key.
    Remove(String),
}

/// A [`Backend`] held in memory, with fault injection. See the module documentation.
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    entries: BTreeMap<String, String>,
    used: u64,
    quota: Option<u64>,
    writes_attempted: u64,
    fail_at_write: BTreeMap<u64, WriteFault>,
    read_faults: BTreeMap<String, ReadFault>,
    unavailable: bool,
    log: Vec<LoggedWrite>,
}

impl MemoryBackend {
    /// An empty backend with no quota and no faults.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty backend with the browser's ~5 MiB quota ([`BROWSER_QUOTA_UNITS`]).
    pub fn with_browser_quota() -> Self {
        let mut backend = Self::new();
        backend.set_quota_units(Some(BROWSER_QUOTA_UNITS));
        backend
    }

    /// A backend that behaves as if storage were turned off: every call fails as unavailable.
    pub fn unavailable() -> Self {
        let mut backend = Self::new();
        backend.set_unavailable(true);
        backend
    }

    /// Stores a value directly, as if an earlier session had written it: no fault, quota or log.
    pub fn insert_raw(&mut self, key: &str, value: &str) {
        if let Some(old) = self.entries.insert(key.to_owned(), value.to_owned()) {
            self.used -= storage_units(key, &old);
        }
        self.used += storage_units(key, value);
    }

    /// What is really stored under `key`, ignoring read faults.
    pub fn peek(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }

    /// Every stored key and value, ignoring read faults.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.entries
    }

    /// Limits the room, in UTF-16 code units of keys plus values; `None` for no limit.
    pub fn set_quota_units(&mut self, quota: Option<u64>) {
        self.quota = quota;
    }

    /// Makes the `n`th write from now fail (1 is the very next write). Later writes succeed.
    pub fn fail_nth_write(&mut self, n: u64, fault: WriteFault) {
        assert!(n >= 1, "writes are counted from 1");
        self.fail_at_write.insert(self.writes_attempted + n, fault);
    }

    /// Makes every read of `key` come back damaged, or fail; what is stored stays as it was.
    pub fn fault_reads(&mut self, key: &str, fault: ReadFault) {
        self.read_faults.insert(key.to_owned(), fault);
    }

    /// Stops damaging reads of `key`.
    pub fn clear_read_fault(&mut self, key: &str) {
        self.read_faults.remove(key);
    }

    /// Turns the whole backend off (`true`) or back on.
    pub fn set_unavailable(&mut self, unavailable: bool) {
        self.unavailable = unavailable;
    }

    /// The writes that succeeded, oldest first.
    pub fn log(&self) -> &[LoggedWrite] {
        &self.log
    }

    /// The keys that `set` succeeded on, oldest first.
    pub fn keys_written(&self) -> Vec<&str> {
        self.log
            .iter()
            .filter_map(|w| match w {
                LoggedWrite::Set(k) => Some(k.as_str()),
                LoggedWrite::Remove(_) => None,
            })
            .collect()
    }

    /// Forgets the write log (the data stays).
    pub fn clear_log(&mut self) {
        self.log.clear();
    }

    fn check_available(&self) -> Result<(), BackendError> {
        if self.unavailable {
            Err(BackendError::Unavailable {
                detail: "storage is turned off in this test".into(),
            })
        } else {
            Ok(())
        }
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.check_available()?;
        let Some(value) = self.entries.get(key) else {
            return Ok(None);
        };
        match self.read_faults.get(key) {
            None => Ok(Some(value.clone())),
            Some(ReadFault::Garbled) => {
                // A leading replacement character makes sure the result is never valid JSON.
                let scrambled: String = value.chars().rev().collect();
                Ok(Some(format!("\u{fffd}\u{fffd}{scrambled}")))
            }
            Some(ReadFault::Truncated { keep_chars }) => {
                Ok(Some(value.chars().take(*keep_chars).collect()))
            }
            Some(ReadFault::Fails) => Err(BackendError::ReadFailed {
                key: key.to_owned(),
                detail: "injected read failure".into(),
            }),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        self.check_available()?;
        self.writes_attempted += 1;
        match self.fail_at_write.remove(&self.writes_attempted) {
            Some(WriteFault::QuotaExceeded) => {
                return Err(BackendError::QuotaExceeded {
                    key: key.to_owned(),
                })
            }
            Some(WriteFault::Other) => {
                return Err(BackendError::WriteFailed {
                    key: key.to_owned(),
                    detail: "injected write failure".into(),
                })
            }
            None => {}
        }
        let old = self
            .entries
            .get(key)
            .map(|v| storage_units(key, v))
            .unwrap_or(0);
        let new_total = self.used - old + storage_units(key, value);
        if self.quota.is_some_and(|quota| new_total > quota) {
            return Err(BackendError::QuotaExceeded {
                key: key.to_owned(),
            });
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        self.used = new_total;
        self.log.push(LoggedWrite::Set(key.to_owned()));
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        self.check_available()?;
        if let Some(old) = self.entries.remove(key) {
            self.used -= storage_units(key, &old);
        }
        self.log.push(LoggedWrite::Remove(key.to_owned()));
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        self.check_available()?;
        Ok(self.entries.keys().cloned().collect())
    }

    fn used_units(&self) -> Result<u64, BackendError> {
        self.check_available()?;
        Ok(self.used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_counts_utf16_units_of_key_and_value_like_a_browser() {
        let mut backend = MemoryBackend::new();
        backend.set_quota_units(Some(10));
        backend.set("ab", "cdefghij").unwrap(); // 10 units: exactly full
        assert!(backend.set("x", "y").unwrap_err().is_quota_exceeded());
        // Replacing a value only counts the difference.
        backend.set("ab", "cd").unwrap();
        assert_eq!(backend.used_units().unwrap(), 4);
        // An emoji is two units.
        assert!(backend.set("e", "😊😊😊").unwrap_err().is_quota_exceeded());
        backend.set("e", "😊😊").unwrap();
        assert_eq!(backend.used_units().unwrap(), 9);
    }

    #[test]
    fn the_nth_write_fails_once_and_the_others_succeed() {
        let mut backend = MemoryBackend::new();
        backend.fail_nth_write(2, WriteFault::QuotaExceeded);
        backend.set("a", "1").unwrap();
        assert!(backend.set("b", "2").unwrap_err().is_quota_exceeded());
        backend.set("b", "2").unwrap();
        assert_eq!(backend.keys_written(), vec!["a", "b"]);
    }

    #[test]
    fn read_faults_damage_what_is_read_but_not_what_is_stored() {
        let mut backend = MemoryBackend::new();
        backend.insert_raw("k", r#"{"a":1}"#);
        backend.fault_reads("k", ReadFault::Truncated { keep_chars: 3 });
        assert_eq!(backend.get("k").unwrap().as_deref(), Some(r#"{"a"#));
        backend.fault_reads("k", ReadFault::Garbled);
        let garbled = backend.get("k").unwrap().unwrap();
        assert!(serde_json::from_str::<serde_json::Value>(&garbled).is_err());
        assert_eq!(backend.peek("k"), Some(r#"{"a":1}"#));
    }

    #[test]
    fn an_unavailable_backend_refuses_everything() {
        let mut backend = MemoryBackend::unavailable();
        assert!(backend.get("k").unwrap_err().is_unavailable());
        assert!(backend.set("k", "v").unwrap_err().is_unavailable());
        assert!(backend.keys().unwrap_err().is_unavailable());
    }

    #[test]
    fn a_missing_key_is_none_not_an_error() {
        let backend = MemoryBackend::new();
        assert_eq!(backend.get("nothing").unwrap(), None);
    }
}
