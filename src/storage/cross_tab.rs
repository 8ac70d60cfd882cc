//! Pure decisions for two tabs sharing one store: may this tab write, and what to do with a change
//! another tab made.
//!
//! Every record carries a revision that goes up with each write. A tab remembers the revision it
//! last read or wrote for each key. Before writing, it compares that with what is stored now: if
//! another tab wrote in between, this tab must not overwrite it silently, and the app is asked to
//! resolve a conflict (keeping both versions). The browser's `storage` event tells a tab about
//! another tab's write; [`decide_external_change`] says what to do with it.

use super::record::Record;

/// What storage holds for a key at this moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Nothing.
    Missing,
    /// A record at this revision.
    Rev(u64),
    /// Something that cannot be read as a record.
    Unreadable,
}

impl Stored {
    /// Looks at stored text (`None` when the key is missing).
    pub fn of(raw: Option<&str>) -> Stored {
        match raw {
            None => Stored::Missing,
            Some(raw) => match Record::decode(raw) {
                Ok(record) => Stored::Rev(record.rev),
                Err(_) => Stored::Unreadable,
            },
        }
    }
}

/// Whether a tab may write a record now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteDecision {
    /// Nobody else wrote since this tab looked: write with this revision.
    Write {
        /// The revision to write.
        rev: u64,
    },
    /// Another tab wrote (or created the record) since this tab looked: do not write; both
    /// versions go to the app to resolve.
    Conflict,
    /// What is stored cannot be read: set it aside before anything is written over it.
    StoredUnreadable,
}

/// Decides whether this tab may write a key, given the revision it last saw (`None` if it never
/// saw the key stored) and what is stored now.
///
/// ```
/// use peer_study::storage::cross_tab::{decide_write, Stored, WriteDecision};
/// assert_eq!(decide_write(Some(3), Stored::Rev(3)), WriteDecision::Write { rev: 4 });
/// assert_eq!(decide_write(Some(3), Stored::Rev(4)), WriteDecision::Conflict);
/// ```
pub fn decide_write(last_seen: Option<u64>, stored: Stored) -> WriteDecision {
    match (last_seen, stored) {
        (_, Stored::Unreadable) => WriteDecision::StoredUnreadable,
        // Removed elsewhere while this tab still had changes: writing loses nothing.
        (seen, Stored::Missing) => WriteDecision::Write {
            rev: seen.unwrap_or(0) + 1,
        },
        (Some(seen), Stored::Rev(now)) if seen == now => WriteDecision::Write { rev: now + 1 },
        (_, Stored::Rev(_)) => WriteDecision::Conflict,
    }
}

/// What this tab knows about one key when another tab changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalState {
    /// The revision this tab last read or wrote, if any.
    pub seen_rev: Option<u64>,
    /// This tab has changes to the key that are not saved yet.
    pub dirty: bool,
    /// The trainee is editing this record here right now (an open editor with focus).
    pub editing: bool,
}

/// What to do with another tab's change to a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExternalAction {
    /// Nothing new (this tab already has that revision).
    Ignore,
    /// Take the other tab's version (or its removal): nothing here would be lost.
    Apply,
    /// Both tabs changed the record: keep both and let the app resolve.
    Conflict,
    /// The trainee is editing it here with nothing unsaved: do not swap the text under them. The
    /// app may offer to load the newer version; if they type on, the next save finds a conflict.
    LeaveForNow,
    /// The other tab left something unreadable: set it aside before anything writes over it.
    StoredUnreadable,
}

/// Decides what to do with another tab's change to a key (from the `storage` event).
pub fn decide_external_change(local: LocalState, incoming: Stored) -> ExternalAction {
    match incoming {
        Stored::Unreadable => ExternalAction::StoredUnreadable,
        Stored::Rev(rev) if local.seen_rev == Some(rev) => ExternalAction::Ignore,
        Stored::Missing if local.seen_rev.is_none() => ExternalAction::Ignore,
        // Removed elsewhere: this tab's unsaved changes will recreate it, losing nothing.
        Stored::Missing if local.dirty || local.editing => ExternalAction::LeaveForNow,
        Stored::Rev(_) if local.dirty => ExternalAction::Conflict,
        Stored::Rev(_) | Stored::Missing if local.editing => ExternalAction::LeaveForNow,
        Stored::Rev(_) | Stored::Missing => ExternalAction::Apply,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(seen_rev: Option<u64>, dirty: bool, editing: bool) -> LocalState {
        LocalState {
            seen_rev,
            dirty,
            editing,
        }
    }

    #[test]
    fn an_old_tab_never_silently_overwrites_a_newer_write() {
        assert_eq!(
            decide_write(Some(2), Stored::Rev(3)),
            WriteDecision::Conflict
        );
        // Created in another tab after this one loaded.
        assert_eq!(decide_write(None, Stored::Rev(1)), WriteDecision::Conflict);
    }

    #[test]
    fn a_tab_that_saw_the_latest_revision_writes_the_next_one() {
        assert_eq!(
            decide_write(None, Stored::Missing),
            WriteDecision::Write { rev: 1 }
        );
        assert_eq!(
            decide_write(Some(7), Stored::Rev(7)),
            WriteDecision::Write { rev: 8 }
        );
        assert_eq!(
            decide_write(Some(7), Stored::Missing),
            WriteDecision::Write { rev: 8 }
        );
    }

    #[test]
    fn unreadable_stored_text_is_never_written_over() {
        assert_eq!(
            decide_write(Some(1), Stored::Unreadable),
            WriteDecision::StoredUnreadable
        );
    }

    #[test]
    fn another_tabs_change_applies_only_when_nothing_here_would_be_lost() {
        use ExternalAction::*;
        assert_eq!(
            decide_external_change(local(Some(1), false, false), Stored::Rev(2)),
            Apply
        );
        assert_eq!(
            decide_external_change(local(Some(1), true, false), Stored::Rev(2)),
            Conflict
        );
        assert_eq!(
            decide_external_change(local(Some(1), true, true), Stored::Rev(2)),
            Conflict
        );
        assert_eq!(
            decide_external_change(local(Some(1), false, true), Stored::Rev(2)),
            LeaveForNow
        );
        assert_eq!(
            decide_external_change(local(Some(2), true, true), Stored::Rev(2)),
            Ignore
        );
        assert_eq!(
            decide_external_change(local(Some(1), false, false), Stored::Missing),
            Apply
        );
        assert_eq!(
            decide_external_change(local(Some(1), true, false), Stored::Missing),
            LeaveForNow
        );
        assert_eq!(
            decide_external_change(local(None, false, false), Stored::Missing),
            Ignore
        );
        assert_eq!(
            decide_external_change(local(Some(1), false, false), Stored::Unreadable),
            StoredUnreadable
        );
    }

    #[test]
    fn stored_text_is_classified_by_its_envelope() {
        assert_eq!(Stored::of(None), Stored::Missing);
        assert_eq!(
            Stored::of(Some(r#"{"rev":5,"saved_at":0,"data":null}"#)),
            Stored::Rev(5)
        );
        assert_eq!(Stored::of(Some("{\"rev\":5,")), Stored::Unreadable);
    }
}
