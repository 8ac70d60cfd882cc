//! Version history for one draft: snapshots taken automatically while the trainee writes and by
//! hand with a name, a thinning policy that keeps the history useful and inside the browser's
//! storage, restore, and a paragraph-by-paragraph comparison with the current text.
//!
//! All times are passed in ([`UnixMs`]); nothing here reads a clock.
//!
//! **When automatic snapshots are taken** ([`History::auto_snapshot_due`]): only when the draft
//! differs from the newest snapshot, and then either after a pause in typing of
//! [`AUTO_PAUSE_MS`] (one minute), or every [`AUTO_EVERY_MS`] (five minutes) during continuous
//! editing, or straight away for the first words of a draft that has no history yet.
//!
//! **The thinning policy** ([`History::thin`]), by age of each automatic snapshot:
//! - the last hour: every snapshot is kept;
//! - up to a day old: the newest snapshot in each 10-minute slot;
//! - up to 30 days old: the newest in each calendar day (UTC);
//! - older: the newest in each week.
//!
//! Slots are fixed on the clock (not relative to now), so a snapshot that survives one thinning
//! keeps surviving until it moves into a sparser tier. Named snapshots are **never** removed by
//! thinning or by the budget; only the trainee deletes them. "Before restoring" snapshots are kept
//! through the density tiers (restores are rare and the text they protect matters), but like
//! automatic ones they give way to the byte budget. Then the **byte budget**: while the history is
//! larger than [`ThinningPolicy::budget_bytes`], the oldest automatic or "before restoring"
//! snapshot goes. The newest snapshot always stays. If named snapshots alone exceed the budget the
//! report says so ([`ThinReport::over_budget`]) and nothing the trainee named is touched.
//!
//! **Bytes** are the length of the history's JSON in UTF-8, exactly as the storage layer writes
//! it; the browser may count its UTF-16 form, up to twice that for text outside Latin scripts.

use std::collections::HashMap;
use std::fmt;
use std::io;

use serde::{Deserialize, Serialize};

use crate::domain::assignment::{paragraphs, Draft, Section};
use crate::domain::date::UnixMs;

mod stored_form;

/// Take an automatic snapshot once typing has paused this long (one minute).
pub const AUTO_PAUSE_MS: UnixMs = 60_000;
/// During continuous editing, take an automatic snapshot at least this often (five minutes).
pub const AUTO_EVERY_MS: UnixMs = 5 * 60_000;
/// The longest name for a snapshot, in characters.
pub const MAX_SNAPSHOT_NAME_CHARS: usize = 80;

const MINUTE: UnixMs = 60_000;
const HOUR: UnixMs = 60 * MINUTE;
const DAY: UnixMs = 24 * HOUR;

/// Identifies a snapshot within one draft's history; never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SnapshotId(pub u64);

/// Why a snapshot was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SnapshotKind {
    /// Taken automatically while writing.
    Auto,
    /// Taken by hand, with the trainee's name for it. Never thinned.
    Named { name: String },
    /// The text as it was just before the trainee restored an older snapshot.
    BeforeRestore { restored: SnapshotId },
}

/// The whole draft (outline and words) at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Unique within this history.
    pub id: SnapshotId,
    /// When it was taken.
    pub taken_at: UnixMs,
    /// Automatic, named, or taken before a restore.
    #[serde(flatten)]
    pub kind: SnapshotKind,
    /// The words in it, counted when it was taken (for the history list).
    pub words: usize,
    /// The sections, exactly as they were.
    pub sections: Vec<Section>,
}

impl Snapshot {
    /// A label for the history list: the name, "Before restoring", or "Saved automatically".
    pub fn label(&self) -> &str {
        match &self.kind {
            SnapshotKind::Named { name } => name,
            SnapshotKind::BeforeRestore { .. } => "Before restoring an earlier version",
            SnapshotKind::Auto => "Saved automatically",
        }
    }

    /// Whether the trainee named this one (named snapshots are never thinned away).
    pub fn is_named(&self) -> bool {
        matches!(self.kind, SnapshotKind::Named { .. })
    }
}

/// How much room one draft's history may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThinningPolicy {
    /// The most bytes of JSON the history should use (named snapshots may exceed it).
    pub budget_bytes: usize,
}

impl Default for ThinningPolicy {
    /// 1.5 MB per draft: two long drafts' histories then fit well inside the 5 MB or so that
    /// browsers give localStorage, leaving room for everything else.
    fn default() -> Self {
        ThinningPolicy {
            budget_bytes: 1_500_000,
        }
    }
}

/// What a round of thinning did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThinReport {
    /// Snapshots removed.
    pub removed: usize,
    /// Bytes the history uses afterwards.
    pub bytes_used: usize,
    /// True when the history is still over budget because of named snapshots (or the newest one)
    /// that are never removed automatically.
    pub over_budget: bool,
}

/// What a restore did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestoreOutcome {
    /// The snapshot holding the text as it was just before restoring, if one was needed (none is
    /// taken when the newest snapshot already holds exactly that text).
    pub saved_current_as: Option<SnapshotId>,
    /// False when the draft already matched the snapshot, so nothing changed.
    pub changed: bool,
}

/// Why a history action was not carried out. Nothing changes when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryError {
    /// No snapshot with this id (it may have been thinned or deleted).
    NoSuchSnapshot(SnapshotId),
    /// A snapshot name was blank.
    EmptyName,
    /// A snapshot name was longer than [`MAX_SNAPSHOT_NAME_CHARS`].
    NameTooLong { chars: usize },
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::NoSuchSnapshot(_) => write!(
                f,
                "That version is no longer in the history. Your current text has not changed."
            ),
            HistoryError::EmptyName => write!(f, "Give this version a name, even a single word."),
            HistoryError::NameTooLong { chars } => write!(
                f,
                "That name is {chars} characters long; please keep it to {MAX_SNAPSHOT_NAME_CHARS} or fewer."
            ),
        }
    }
}

impl std::error::Error for HistoryError {}

/// The version history of one draft, in the order the snapshots were taken.
///
/// Stored compactly, each distinct section once (see [`stored_form`]); its `Serialize` and
/// `Deserialize` live there.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct History {
    snapshots: Vec<Snapshot>,
    next_id: u64,
}

impl History {
    /// An empty history.
    pub fn new() -> History {
        History::default()
    }

    /// Every snapshot, in the order taken (oldest first).
    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    /// The snapshot with this id.
    pub fn get(&self, id: SnapshotId) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    /// The most recent snapshot.
    pub fn latest(&self) -> Option<&Snapshot> {
        self.snapshots.last()
    }

    /// Bytes of JSON this history takes in storage (for the "My data" page).
    pub fn bytes_used(&self) -> usize {
        json_len(self)
    }

    /// Whether the draft differs from the newest snapshot (or there is none and it has words).
    pub fn has_unsnapshotted_changes(&self, draft: &Draft) -> bool {
        match self.latest() {
            Some(latest) => latest.sections != draft.sections,
            None => draft.has_text(),
        }
    }

    /// Whether an automatic snapshot should be taken now, given when the trainee last typed.
    /// See the module notes for the rule.
    pub fn auto_snapshot_due(&self, draft: &Draft, now: UnixMs, last_edit_at: UnixMs) -> bool {
        if !self.has_unsnapshotted_changes(draft) {
            return false;
        }
        match self.latest() {
            None => true,
            Some(latest) => {
                now - last_edit_at >= AUTO_PAUSE_MS || now - latest.taken_at >= AUTO_EVERY_MS
            }
        }
    }

    /// Take an automatic snapshot if one is due (see [`History::auto_snapshot_due`]), then thin.
    /// The editor calls this from a timer and when the page is hidden.
    pub fn take_auto_if_due(
        &mut self,
        draft: &Draft,
        now: UnixMs,
        last_edit_at: UnixMs,
        policy: &ThinningPolicy,
    ) -> Option<SnapshotId> {
        if !self.auto_snapshot_due(draft, now, last_edit_at) {
            return None;
        }
        let id = self.push(draft, SnapshotKind::Auto, now);
        self.thin(now, policy);
        Some(id)
    }

    /// Take a snapshot by hand with a name, then thin. Taken even if nothing changed since the
    /// last one: the trainee asked for it.
    pub fn take_named(
        &mut self,
        draft: &Draft,
        name: &str,
        now: UnixMs,
        policy: &ThinningPolicy,
    ) -> Result<SnapshotId, HistoryError> {
        let name = clean_name(name)?;
        let id = self.push(draft, SnapshotKind::Named { name }, now);
        self.thin(now, policy);
        Ok(id)
    }

    /// Rename a snapshot; an automatic one becomes named (and so is kept for good).
    pub fn rename(&mut self, id: SnapshotId, name: &str) -> Result<(), HistoryError> {
        let name = clean_name(name)?;
        let snapshot = self
            .snapshots
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(HistoryError::NoSuchSnapshot(id))?;
        snapshot.kind = SnapshotKind::Named { name };
        Ok(())
    }

    /// Delete a snapshot the trainee no longer wants (the draft itself is not touched).
    pub fn delete(&mut self, id: SnapshotId) -> Result<Snapshot, HistoryError> {
        let index = self
            .snapshots
            .iter()
            .position(|s| s.id == id)
            .ok_or(HistoryError::NoSuchSnapshot(id))?;
        Ok(self.snapshots.remove(index))
    }

    /// Put a snapshot's sections back into the draft. The current text is snapshotted first
    /// (unless the newest snapshot already holds exactly it), so a restore can always be undone
    /// by restoring that one. Then thins.
    pub fn restore(
        &mut self,
        draft: &mut Draft,
        id: SnapshotId,
        now: UnixMs,
        policy: &ThinningPolicy,
    ) -> Result<RestoreOutcome, HistoryError> {
        let sections = self
            .get(id)
            .ok_or(HistoryError::NoSuchSnapshot(id))?
            .sections
            .clone();
        if sections == draft.sections {
            return Ok(RestoreOutcome {
                saved_current_as: None,
                changed: false,
            });
        }
        let saved_current_as = if self.has_unsnapshotted_changes(draft) {
            Some(self.push(draft, SnapshotKind::BeforeRestore { restored: id }, now))
        } else {
            None
        };
        let highest = sections.iter().map(|s| s.id.0).max().unwrap_or(0);
        draft.next_section_id = draft.next_section_id.max(highest + 1);
        draft.sections = sections;
        draft.updated_at = now;
        self.thin(now, policy);
        Ok(RestoreOutcome {
            saved_current_as,
            changed: true,
        })
    }

    /// Compare a snapshot with the current draft: which paragraphs (and headings) were added,
    /// removed or changed since it was taken.
    pub fn compare_with_current(
        &self,
        id: SnapshotId,
        draft: &Draft,
    ) -> Result<Comparison, HistoryError> {
        let snapshot = self.get(id).ok_or(HistoryError::NoSuchSnapshot(id))?;
        Ok(compare(&snapshot.sections, &draft.sections))
    }

    /// Apply the thinning policy and the byte budget (see the module notes).
    pub fn thin(&mut self, now: UnixMs, policy: &ThinningPolicy) -> ThinReport {
        let before = self.snapshots.len();
        let newest = self.latest().map(|s| s.id);

        // Density tiers: keep the newest automatic snapshot in each slot.
        let mut newest_in_slot: HashMap<(u8, i64), (UnixMs, SnapshotId)> = HashMap::new();
        for s in &self.snapshots {
            if let Some(slot) = auto_slot(s, now) {
                let entry = newest_in_slot.entry(slot).or_insert((s.taken_at, s.id));
                if (s.taken_at, s.id) > *entry {
                    *entry = (s.taken_at, s.id);
                }
            }
        }
        self.snapshots.retain(|s| match auto_slot(s, now) {
            None => true,
            Some(slot) => Some(s.id) == newest || newest_in_slot[&slot].1 == s.id,
        });

        // Byte budget: the oldest unnamed snapshot goes first; named ones and the newest stay.
        // Sections shared with the snapshots that stay are still written once, so what leaving a
        // snapshot out saves is worked out by the sizer, not from the snapshot alone.
        let sizer = stored_form::Sizer::new(self);
        let mut kept = vec![true; self.snapshots.len()];
        while sizer.len(&kept) > policy.budget_bytes {
            let victim = self
                .snapshots
                .iter()
                .enumerate()
                .filter(|(i, s)| kept[*i] && !s.is_named() && Some(s.id) != newest)
                .min_by_key(|(_, s)| (s.taken_at, s.id))
                .map(|(i, _)| i);
            let Some(index) = victim else { break };
            kept[index] = false;
        }
        // The sizer's length is exact, so the history is not written out again to count it.
        let bytes_used = sizer.len(&kept);
        let mut kept = kept.into_iter();
        self.snapshots.retain(|_| kept.next().unwrap_or(true));
        ThinReport {
            removed: before - self.snapshots.len(),
            bytes_used,
            over_budget: bytes_used > policy.budget_bytes,
        }
    }

    fn push(&mut self, draft: &Draft, kind: SnapshotKind, now: UnixMs) -> SnapshotId {
        let next = self
            .snapshots
            .iter()
            .map(|s| s.id.0 + 1)
            .max()
            .unwrap_or(1)
            .max(self.next_id)
            .max(1);
        let id = SnapshotId(next);
        self.next_id = next + 1;
        let words = draft.word_count();
        let snapshot = Snapshot {
            id,
            taken_at: now,
            kind,
            words,
            sections: draft.sections.clone(),
        };
        // Appended in the order taken, even if the clock stepped backwards: the last entry is
        // always the newest content, which is what "anything new since?" compares with.
        self.snapshots.push(snapshot);
        id
    }
}

/// The density slot of an automatic (or before-restore) snapshot, or `None` when it is kept
/// whatever its slot (named, before-restore, or younger than an hour).
fn auto_slot(s: &Snapshot, now: UnixMs) -> Option<(u8, i64)> {
    if !matches!(s.kind, SnapshotKind::Auto) {
        return None;
    }
    let age = now - s.taken_at;
    if age < HOUR {
        None
    } else if age < DAY {
        Some((1, s.taken_at.div_euclid(10 * MINUTE)))
    } else if age < 30 * DAY {
        Some((2, s.taken_at.div_euclid(DAY)))
    } else {
        Some((3, s.taken_at.div_euclid(7 * DAY)))
    }
}

fn clean_name(name: &str) -> Result<String, HistoryError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(HistoryError::EmptyName);
    }
    let chars = name.chars().count();
    if chars > MAX_SNAPSHOT_NAME_CHARS {
        return Err(HistoryError::NameTooLong { chars });
    }
    Ok(name)
}

/// Counts bytes written without keeping them.
struct ByteCounter(usize);

impl io::Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The length of a value's compact JSON, without building the string.
fn json_len<T: Serialize>(value: &T) -> usize {
    let mut counter = ByteCounter(0);
    // Serialising plain data to a counter cannot fail.
    let _ = serde_json::to_writer(&mut counter, value);
    counter.0
}

/// Whether a block of the comparison is a heading or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A section heading.
    Heading,
    /// A paragraph of text.
    Paragraph,
}

/// One heading or paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Block {
    /// Heading or paragraph.
    pub kind: BlockKind,
    /// Its text (a paragraph keeps its single line breaks).
    pub text: String,
}

/// What happened to one block between a snapshot and now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The same in both.
    Same(Block),
    /// Only in the current text.
    Added(Block),
    /// Only in the snapshot.
    Removed(Block),
    /// Edited: the snapshot's version and the current one.
    Changed { before: Block, after: Block },
}

/// A snapshot compared with the current text, block by block in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    /// Every block, marked as the same, added, removed or changed.
    pub changes: Vec<Change>,
    /// How many blocks were added.
    pub added: usize,
    /// How many blocks were removed.
    pub removed: usize,
    /// How many blocks were changed.
    pub changed: usize,
}

impl Comparison {
    /// True when the two texts have the same headings and paragraphs.
    pub fn is_identical(&self) -> bool {
        self.added == 0 && self.removed == 0 && self.changed == 0
    }

    /// A one-line summary: "2 paragraphs added, 1 changed" or "No changes".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let paragraphs = |n: usize| if n == 1 { "paragraph" } else { "paragraphs" };
        let mut noun_used = false;
        for (n, verb) in [
            (self.added, "added"),
            (self.removed, "removed"),
            (self.changed, "changed"),
        ] {
            if n > 0 {
                if noun_used {
                    parts.push(format!("{n} {verb}"));
                } else {
                    parts.push(format!("{n} {} {verb}", paragraphs(n)));
                    noun_used = true;
                }
            }
        }
        if parts.is_empty() {
            "No changes".to_string()
        } else {
            parts.join(", ")
        }
    }
}

fn blocks(sections: &[Section]) -> Vec<Block> {
    let mut out = Vec::new();
    for section in sections {
        out.push(Block {
            kind: BlockKind::Heading,
            text: section.title.clone(),
        });
        out.extend(paragraphs(&section.text).map(|p| Block {
            kind: BlockKind::Paragraph,
            text: p.to_string(),
        }));
    }
    out
}

/// Above this many cells the longest-common-subsequence table is not built, and the differing
/// middle is shown as changed/removed/added in order instead (still correct, just less tidy).
const MAX_LCS_CELLS: usize = 1_000_000;

/// Compare two versions of a draft, paragraph by paragraph (headings count as blocks too).
///
/// Common blocks at the start and end are matched first; the middle is matched with a longest
/// common subsequence. A removed block followed by an added block of the same kind, with nothing
/// in common between them, is reported as one changed block.
pub fn compare(before: &[Section], after: &[Section]) -> Comparison {
    let old = blocks(before);
    let new = blocks(after);

    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = &old[prefix..old.len() - suffix];
    let new_mid = &new[prefix..new.len() - suffix];

    // The edit script for the middle.
    enum Op {
        Keep(usize),
        Remove(usize),
        Add(usize),
    }
    let (n, m) = (old_mid.len(), new_mid.len());
    let mut ops = Vec::new();
    if n.saturating_mul(m) <= MAX_LCS_CELLS {
        // table[i][j] = LCS length of old_mid[i..] and new_mid[j..].
        let width = m + 1;
        let mut table = vec![0u32; (n + 1) * width];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                table[i * width + j] = if old_mid[i] == new_mid[j] {
                    table[(i + 1) * width + j + 1] + 1
                } else {
                    table[(i + 1) * width + j].max(table[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && old_mid[i] == new_mid[j] {
                ops.push(Op::Keep(i));
                i += 1;
                j += 1;
            } else if j < m && (i == n || table[i * width + j + 1] >= table[(i + 1) * width + j]) {
                ops.push(Op::Add(j));
                j += 1;
            } else {
                ops.push(Op::Remove(i));
                i += 1;
            }
        }
    } else {
        ops.extend((0..n).map(Op::Remove));
        ops.extend((0..m).map(Op::Add));
    }

    let mut result = Comparison::default();
    for block in &old[..prefix] {
        result.changes.push(Change::Same(block.clone()));
    }
    // Walk the script, gathering each run of removals and additions between kept blocks, and
    // pair them up as changes where the kinds match.
    let mut removed_run: Vec<&Block> = Vec::new();
    let mut added_run: Vec<&Block> = Vec::new();
    let flush = |result: &mut Comparison, removed: &mut Vec<&Block>, added: &mut Vec<&Block>| {
        let mut added_left: Vec<Option<&Block>> = added.drain(..).map(Some).collect();
        let mut unpaired_removed = Vec::new();
        for r in removed.drain(..) {
            let partner = added_left
                .iter_mut()
                .find(|a| a.is_some_and(|a| a.kind == r.kind))
                .and_then(Option::take);
            match partner {
                Some(a) => {
                    result.changes.push(Change::Changed {
                        before: r.clone(),
                        after: a.clone(),
                    });
                    result.changed += 1;
                }
                None => unpaired_removed.push(r),
            }
        }
        for r in unpaired_removed {
            result.changes.push(Change::Removed(r.clone()));
            result.removed += 1;
        }
        for a in added_left.into_iter().flatten() {
            result.changes.push(Change::Added(a.clone()));
            result.added += 1;
        }
    };
    for op in ops {
        match op {
            Op::Keep(i) => {
                flush(&mut result, &mut removed_run, &mut added_run);
                result.changes.push(Change::Same(old_mid[i].clone()));
            }
            Op::Remove(i) => removed_run.push(&old_mid[i]),
            Op::Add(j) => added_run.push(&new_mid[j]),
        }
    }
    flush(&mut result, &mut removed_run, &mut added_run);
    for block in &new[new.len() - suffix..] {
        result.changes.push(Change::Same(block.clone()));
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::{Assignment, SectionId};

    const T0: UnixMs = 1_795_000_000_000;

    fn draft_with(text: &str) -> Draft {
        let (_, mut d) = Assignment::start_own("Essay", &[], T0).unwrap();
        d.set_section_text(SectionId(1), text, T0).unwrap();
        d
    }

    fn policy() -> ThinningPolicy {
        ThinningPolicy {
            budget_bytes: usize::MAX,
        }
    }

    /// Auto snapshots of distinct text at each given time (ms after T0), thinned as we go.
    fn history_at(times: &[UnixMs]) -> History {
        let mut h = History::new();
        for (i, t) in times.iter().enumerate() {
            let d = draft_with(&format!("version {i}"));
            h.take_auto_if_due(&d, T0 + t, T0 + t - AUTO_PAUSE_MS, &policy())
                .expect("a changed draft after a pause gets a snapshot");
        }
        h
    }

    #[test]
    fn auto_snapshots_wait_for_a_pause_or_five_minutes_and_skip_unchanged_text() {
        let mut h = History::new();
        let empty = draft_with("");
        assert!(
            !h.auto_snapshot_due(&empty, T0, T0),
            "nothing written, nothing to keep"
        );
        let d = draft_with("First words.");
        assert!(
            h.auto_snapshot_due(&d, T0, T0),
            "the first words are kept straight away"
        );
        h.take_auto_if_due(&d, T0, T0, &policy()).unwrap();
        assert!(
            !h.auto_snapshot_due(&d, T0 + 10 * MINUTE, T0),
            "unchanged since"
        );

        let d = draft_with("First words, and more.");
        let typing = T0 + 2 * MINUTE;
        assert!(
            !h.auto_snapshot_due(&d, typing, typing - 5_000),
            "still typing"
        );
        assert!(
            h.auto_snapshot_due(&d, typing, typing - AUTO_PAUSE_MS),
            "paused a minute"
        );
        let later = T0 + AUTO_EVERY_MS;
        assert!(
            h.auto_snapshot_due(&d, later, later - 1_000),
            "five minutes of typing"
        );
    }

    #[test]
    fn everything_from_the_last_hour_is_kept() {
        let times: Vec<UnixMs> = (0..30).map(|i| i * 2 * MINUTE).collect();
        let mut h = history_at(&times);
        let report = h.thin(T0 + 59 * MINUTE, &policy());
        assert_eq!(report.removed, 0);
        assert_eq!(h.snapshots().len(), 30);
    }

    #[test]
    fn thinning_keeps_one_per_ten_minutes_then_per_day_then_per_week() {
        // One snapshot a minute for two hours.
        let times: Vec<UnixMs> = (0..120).map(|i| i * MINUTE).collect();
        let mut h = history_at(&times);
        let now = T0 + 120 * MINUTE;
        h.thin(now, &policy());
        let hour_ago = now - HOUR;
        let recent = h
            .snapshots()
            .iter()
            .filter(|s| s.taken_at > hour_ago)
            .count();
        let older: Vec<i64> = h
            .snapshots()
            .iter()
            .filter(|s| s.taken_at <= hour_ago)
            .map(|s| s.taken_at.div_euclid(10 * MINUTE))
            .collect();
        assert_eq!(recent, 59, "the last hour is untouched");
        let mut slots = older.clone();
        slots.dedup();
        assert_eq!(
            older, slots,
            "at most one per ten-minute slot after an hour"
        );
        assert!(
            (6..=7).contains(&older.len()),
            "about six slots in the hour before: {older:?}"
        );

        // Three days later: one per day remains (the newest one stays regardless).
        h.thin(now + 3 * DAY, &policy());
        let days: Vec<i64> = h
            .snapshots()
            .iter()
            .map(|s| s.taken_at.div_euclid(DAY))
            .collect();
        let mut unique = days.clone();
        unique.dedup();
        assert_eq!(days, unique, "one per day: {days:?}");

        // Over a year of daily writing thins to about one a week after thirty days.
        let times: Vec<UnixMs> = (0..365).map(|i| i * DAY).collect();
        let mut h = history_at(&times);
        h.thin(T0 + 365 * DAY, &policy());
        let n = h.snapshots().len();
        assert!(
            (30 + 48..=30 + 50).contains(&n),
            "30 daily + ~48 weekly, got {n}"
        );
    }

    #[test]
    fn named_snapshots_are_never_thinned_even_over_budget() {
        let mut h = History::new();
        let tight = ThinningPolicy { budget_bytes: 10 };
        let named = h
            .take_named(
                &draft_with("Before my tutor's feedback"),
                "  First full draft ",
                T0,
                &tight,
            )
            .unwrap();
        for i in 1..20 {
            let d = draft_with(&format!("edit {i}"));
            h.take_auto_if_due(&d, T0 + i * DAY, T0, &tight);
        }
        let report = h.thin(T0 + 400 * DAY, &tight);
        assert!(report.over_budget);
        let kept = h.get(named).expect("the named snapshot stays");
        assert_eq!(kept.label(), "First full draft");
        assert_eq!(h.snapshots().len(), 2, "the named one and the newest one");
        assert_eq!(h.latest().unwrap().sections[0].text, "edit 19");
    }

    #[test]
    fn the_byte_budget_drops_the_oldest_automatic_snapshots_first() {
        let big = "word ".repeat(2_000);
        let mut h = History::new();
        for i in 0..10 {
            let d = draft_with(&format!("{big}{i}"));
            h.take_auto_if_due(&d, T0 + i * MINUTE, T0, &policy());
        }
        let one = json_len(&h.snapshots()[0]);
        let budget = ThinningPolicy {
            budget_bytes: one * 4 + 100,
        };
        let report = h.thin(T0 + 10 * MINUTE, &budget);
        assert_eq!(report.removed, 6);
        assert!(!report.over_budget && report.bytes_used <= budget.budget_bytes);
        assert_eq!(
            report.bytes_used,
            h.bytes_used(),
            "the report counts what is written"
        );
        let texts: Vec<String> = h
            .snapshots()
            .iter()
            .map(|s| s.sections[0].text.clone())
            .collect();
        assert!(
            texts.iter().all(|t| t.ends_with(['6', '7', '8', '9'])),
            "the newest four remain"
        );
    }

    #[test]
    fn bytes_used_is_exactly_what_storage_would_write() {
        let h = history_at(&[0, MINUTE, 2 * MINUTE]);
        assert_eq!(h.bytes_used(), serde_json::to_string(&h).unwrap().len());
        let d = draft_with("Quote \" backslash \\ tab \t newline \n emoji 🌱 control \u{1}");
        let mut h = History::new();
        h.take_named(&d, "n", T0, &policy()).unwrap();
        assert_eq!(h.bytes_used(), serde_json::to_string(&h).unwrap().len());
        let back: History = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
        assert_eq!(back, h);
    }

    #[test]
    fn restoring_first_keeps_the_current_text_then_puts_the_old_one_back() {
        let mut h = History::new();
        let mut d = draft_with("The version I liked.");
        let liked = h.take_named(&d, "Liked", T0, &policy()).unwrap();
        d.set_section_text(SectionId(1), "A rewrite I am unsure about.", T0 + MINUTE)
            .unwrap();
        let outcome = h
            .restore(&mut d, liked, T0 + 2 * MINUTE, &policy())
            .unwrap();
        assert!(outcome.changed);
        assert_eq!(d.sections[0].text, "The version I liked.");
        let saved = h.get(outcome.saved_current_as.unwrap()).unwrap();
        assert_eq!(saved.sections[0].text, "A rewrite I am unsure about.");
        assert_eq!(saved.kind, SnapshotKind::BeforeRestore { restored: liked });

        // And the restore can itself be undone.
        let undo = saved.id;
        h.restore(&mut d, undo, T0 + 3 * MINUTE, &policy()).unwrap();
        assert_eq!(d.sections[0].text, "A rewrite I am unsure about.");
    }

    #[test]
    fn restoring_brings_back_the_outline_and_new_sections_get_fresh_ids() {
        let mut h = History::new();
        let mut d = draft_with("Intro text.");
        let extra = d.add_section("Later section", None, T0).unwrap();
        let snap = h.take_named(&d, "Two sections", T0, &policy()).unwrap();
        d.remove_section(extra, T0 + 1).unwrap();
        d.next_section_id = 2; // as if the draft never knew a higher id
        h.restore(&mut d, snap, T0 + 2, &policy()).unwrap();
        assert_eq!(d.sections.len(), 2);
        let added = d.add_section("Another", None, T0 + 3).unwrap();
        assert!(added.0 > extra.0);
    }

    #[test]
    fn restoring_a_missing_or_identical_snapshot_changes_nothing() {
        let mut h = History::new();
        let mut d = draft_with("Same.");
        let id = h.take_named(&d, "Same", T0, &policy()).unwrap();
        let before = (h.clone(), d.clone());
        let outcome = h.restore(&mut d, id, T0 + 1, &policy()).unwrap();
        assert_eq!(
            outcome,
            RestoreOutcome {
                saved_current_as: None,
                changed: false
            }
        );
        let err = h
            .restore(&mut d, SnapshotId(999), T0 + 2, &policy())
            .unwrap_err();
        assert_eq!(err, HistoryError::NoSuchSnapshot(SnapshotId(999)));
        assert!(err.to_string().contains("has not changed"));
        assert_eq!((h, d), before);
    }

    #[test]
    fn restoring_does_not_duplicate_a_snapshot_of_unchanged_text() {
        let mut h = History::new();
        let mut d = draft_with("Old.");
        let old = h.take_named(&d, "Old", T0, &policy()).unwrap();
        d.set_section_text(SectionId(1), "New.", T0 + 1).unwrap();
        h.take_auto_if_due(&d, T0 + 2 * MINUTE, T0, &policy())
            .unwrap();
        let outcome = h.restore(&mut d, old, T0 + 3 * MINUTE, &policy()).unwrap();
        assert_eq!(
            outcome.saved_current_as, None,
            "the newest snapshot already holds it"
        );
        assert_eq!(h.snapshots().len(), 2);
    }

    #[test]
    fn names_are_checked_and_rename_and_delete_work() {
        let mut h = History::new();
        let d = draft_with("x");
        assert_eq!(
            h.take_named(&d, "  ", T0, &policy()),
            Err(HistoryError::EmptyName)
        );
        let long = "n".repeat(81);
        assert_eq!(
            h.take_named(&d, &long, T0, &policy()),
            Err(HistoryError::NameTooLong { chars: 81 })
        );
        assert!(h.snapshots().is_empty());
        let id = h.take_auto_if_due(&d, T0, T0, &policy()).unwrap();
        h.rename(id, "Keep this").unwrap();
        assert!(h.get(id).unwrap().is_named());
        h.delete(id).unwrap();
        assert!(h.get(id).is_none());
        assert_eq!(h.delete(id), Err(HistoryError::NoSuchSnapshot(id)));
        // Ids are not reused after a delete.
        let next = h.take_named(&d, "again", T0, &policy()).unwrap();
        assert_ne!(next, id);
    }

    #[test]
    fn comparing_finds_added_removed_and_changed_paragraphs() {
        let before = draft_with("Kept one.\n\nTo be edited.\n\nTo be removed.\n\nKept two.");
        let mut after = before.clone();
        after
            .set_section_text(
                SectionId(1),
                "Kept one.\n\nNow edited.\n\nKept two.\n\nBrand new.",
                T0,
            )
            .unwrap();
        let c = compare(&before.sections, &after.sections);
        let p = |t: &str| Block {
            kind: BlockKind::Paragraph,
            text: t.into(),
        };
        // Two paragraphs went and one came in their place: the first pair is an edit, the
        // other paragraph was removed; the last one is new.
        assert_eq!(
            c.changes,
            vec![
                Change::Same(Block {
                    kind: BlockKind::Heading,
                    text: "Introduction".into()
                }),
                Change::Same(p("Kept one.")),
                Change::Changed {
                    before: p("To be edited."),
                    after: p("Now edited.")
                },
                Change::Removed(p("To be removed.")),
                Change::Same(p("Kept two.")),
                Change::Added(p("Brand new.")),
            ]
        );
        assert_eq!((c.added, c.removed, c.changed), (1, 1, 1));
        assert_eq!(c.summary(), "1 paragraph added, 1 removed, 1 changed");
    }

    #[test]
    fn comparing_identical_texts_reports_no_changes_and_headings_count() {
        let d = draft_with("Same.\n\nText.");
        let c = compare(&d.sections, &d.sections);
        assert!(c.is_identical());
        assert_eq!(c.summary(), "No changes");
        let mut renamed = d.clone();
        renamed.rename_section(SectionId(1), "Opening", T0).unwrap();
        let c = compare(&d.sections, &renamed.sections);
        assert_eq!(c.changed, 1);
        assert!(
            matches!(&c.changes[0], Change::Changed { before, .. } if before.kind == BlockKind::Heading)
        );
    }

    #[test]
    fn comparing_long_drafts_stays_correct() {
        let text: Vec<String> = (0..600).map(|i| format!("Paragraph number {i}.")).collect();
        let before = draft_with(&text.join("\n\n"));
        let mut edited = text.clone();
        edited.remove(100);
        edited[300] = "Rewritten.".into();
        edited.insert(500, "Inserted.".into());
        let after = draft_with(&edited.join("\n\n"));
        let c = compare(&before.sections, &after.sections);
        assert_eq!((c.added, c.removed, c.changed), (1, 1, 1));
        assert_eq!(c.changes.len(), 1 + 600 + 1);
    }
}
