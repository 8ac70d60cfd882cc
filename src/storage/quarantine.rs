//! Copies of data set aside rather than lost: records that could not be read, the losing side of
//! a merge or a conflict, and new work typed while a record's unreadable original is held.
//!
//! Each copy keeps the original stored text exactly, with the reason and the time, under its own
//! key (`peer-study/quarantine/<record name>@<unix ms>`). While an *unreadable* copy is held, the
//! store never writes over the original key; the trainee decides, by downloading the copy,
//! discarding it, or letting the app save over the original while the copy stays.

use serde_json::{json, Value};

use super::keys;
use crate::domain::date::UnixMs;

/// Why a copy was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAsideKind {
    /// The record could not be read. Its original key is held until the trainee chooses.
    Unreadable,
    /// A readable copy that lost a merge or a conflict, kept so nothing is lost.
    Superseded,
    /// New work typed into a record whose unreadable original is held: it cannot go into the
    /// record's own key yet, so it waits here (in the record's data form) and goes back into the
    /// record once the trainee decides about the unreadable copy. One per record, kept up to
    /// date with every save.
    Waiting,
}

impl SetAsideKind {
    fn as_str(self) -> &'static str {
        match self {
            SetAsideKind::Unreadable => "unreadable",
            SetAsideKind::Superseded => "superseded",
            SetAsideKind::Waiting => "waiting",
        }
    }
}

/// One set-aside copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarantineEntry {
    /// Its own key, under [`keys::QUARANTINE_PREFIX`]; the id the interface passes back.
    pub key: String,
    /// The key the data came from (for example `peer-study/draft/essay`).
    pub original_key: String,
    /// What happened, in words for the trainee.
    pub reason: String,
    /// Why it was set aside.
    pub kind: SetAsideKind,
    /// When it was set aside.
    pub at: UnixMs,
    /// The data exactly as it was stored, for download.
    pub raw: String,
    /// The trainee has let the app save over the original; the copy stays until discarded.
    pub released: bool,
    /// Whether the copy is safely in storage. `false` means it exists only in this tab's memory
    /// (storage is full, read-only or missing): the interface should urge a download.
    pub stored: bool,
}

impl QuarantineEntry {
    /// A new entry for data from `original_key`, with a key no other entry uses.
    pub fn new(
        original_key: &str,
        raw: String,
        reason: String,
        kind: SetAsideKind,
        at: UnixMs,
        taken: impl Fn(&str) -> bool,
    ) -> Self {
        let base = format!(
            "{}{}@{at}",
            keys::QUARANTINE_PREFIX,
            keys::short_name(original_key)
        );
        let mut key = base.clone();
        let mut n = 2;
        while taken(&key) {
            key = format!("{base}-{n}");
            n += 1;
        }
        QuarantineEntry {
            key,
            original_key: original_key.to_owned(),
            reason,
            kind,
            at,
            raw,
            released: false,
            stored: false,
        }
    }

    /// The key of the one [`SetAsideKind::Waiting`] entry for `original_key`.
    pub fn waiting_key(original_key: &str) -> String {
        format!(
            "{}{}@new-work",
            keys::QUARANTINE_PREFIX,
            keys::short_name(original_key)
        )
    }

    /// Whether this entry stops the store writing over its original key.
    pub fn holds_original(&self) -> bool {
        self.kind == SetAsideKind::Unreadable && !self.released
    }

    /// A file name for downloading the raw copy ("peer-study-draft-essay-1764000000000.txt").
    pub fn download_name(&self) -> String {
        let name: String = keys::short_name(&self.original_key)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("peer-study-{name}-{}.txt", self.at)
    }

    /// The stored text of the entry.
    pub fn encode(&self) -> String {
        json!({
            "original_key": self.original_key,
            "reason": self.reason,
            "kind": self.kind.as_str(),
            "at": self.at,
            "raw": self.raw,
            "released": self.released,
        })
        .to_string()
    }

    /// Reads an entry stored under `key`. A damaged entry is still offered: its whole stored text
    /// becomes the raw copy, so it can be downloaded like any other.
    pub fn decode(key: &str, stored: &str) -> QuarantineEntry {
        Self::from_value(key, serde_json::from_str(stored).ok()).unwrap_or_else(|| {
            QuarantineEntry {
                key: key.to_owned(),
                original_key: key.to_owned(),
                reason: "This set-aside copy was itself damaged; its text is kept as it is.".into(),
                kind: SetAsideKind::Superseded,
                at: 0,
                raw: stored.to_owned(),
                released: true,
                stored: true,
            }
        })
    }

    /// Reads an entry from parsed JSON (a backup file); `None` if it is not shaped like one.
    pub fn from_value(key: &str, value: Option<Value>) -> Option<QuarantineEntry> {
        let value = value?;
        let kind = match value.get("kind")?.as_str()? {
            "unreadable" => SetAsideKind::Unreadable,
            "superseded" => SetAsideKind::Superseded,
            "waiting" => SetAsideKind::Waiting,
            _ => return None,
        };
        Some(QuarantineEntry {
            key: key.to_owned(),
            original_key: value.get("original_key")?.as_str()?.to_owned(),
            reason: value.get("reason")?.as_str()?.to_owned(),
            kind,
            at: value.get("at")?.as_i64()?,
            raw: value.get("raw")?.as_str()?.to_owned(),
            released: value.get("released")?.as_bool()?,
            stored: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_round_trips_with_its_raw_text_untouched() {
        let raw = "{\"rev\":1,\"data\":\"<script>alert(1)</script>\u{fffd}".to_owned();
        let entry = QuarantineEntry::new(
            "peer-study/draft/essay",
            raw.clone(),
            "cut short".into(),
            SetAsideKind::Unreadable,
            1700,
            |_| false,
        );
        assert_eq!(entry.key, "peer-study/quarantine/draft/essay@1700");
        let back = QuarantineEntry::decode(&entry.key, &entry.encode());
        assert_eq!(back.raw, raw);
        assert_eq!(back.original_key, "peer-study/draft/essay");
        assert!(back.holds_original());
    }

    #[test]
    fn two_copies_of_one_record_in_the_same_millisecond_get_different_keys() {
        let taken = ["peer-study/quarantine/course@5".to_owned()];
        let entry = QuarantineEntry::new(
            keys::COURSE,
            "x".into(),
            "r".into(),
            SetAsideKind::Superseded,
            5,
            |k| taken.iter().any(|t| t == k),
        );
        assert_eq!(entry.key, "peer-study/quarantine/course@5-2");
    }

    #[test]
    fn a_damaged_entry_is_still_offered_for_download() {
        let entry = QuarantineEntry::decode("peer-study/quarantine/x@1", "{not json");
        assert_eq!(entry.raw, "{not json");
        assert!(!entry.holds_original());
    }

    #[test]
    fn download_names_are_plain_file_names() {
        let entry = QuarantineEntry::new(
            "peer-study/draft/essay.v2",
            String::new(),
            String::new(),
            SetAsideKind::Unreadable,
            42,
            |_| false,
        );
        assert_eq!(entry.download_name(), "peer-study-draft-essay-v2-42.txt");
    }
}
