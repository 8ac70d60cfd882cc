//! How a version history is written down (schema version 3): each distinct section once, and
//! each snapshot naming its sections by their place in that list.
//!
//! ```json
//! {"next_id": 9,
//!  "section_versions": [{"id": 1, "title": "Introduction", "prompts": [...], "text": "..."}, ...],
//!  "snapshots": [{"id": 7, "taken_at": 1795..., "kind": "auto", "words": 812, "sections": [0, 3, 2]}]}
//! ```
//!
//! **Why.** A snapshot holds the whole draft, yet between two snapshots a trainee usually changes
//! one section: written out whole, most of a history is the same sections again and again (about
//! four fifths of a year's histories, worked out on `make bench`'s year store: 925 KB written
//! whole, 170 KB this way). Every byte in localStorage is handed to the page before the app can
//! start, and the whole history is written again on every snapshot, so the repeats cost the
//! trainee at every start and while typing.
//!
//! **Order.** `section_versions` lists sections in the order they are first used, oldest snapshot
//! first, so the same history always gives the same text.
//!
//! **Reading.** A snapshot's `sections` may also hold whole sections, as schema version 2 wrote
//! them, so a history written by the version before (a backup, or a tab still open on it) reads
//! the same. A place past the end of `section_versions` is refused: the record is damaged.
//!
//! **Bytes.** [`Sizer`] works out the length this form would have with some snapshots left out,
//! without writing it, so thinning to a byte budget stays exact and quick.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Unexpected, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::{json_len, History, Snapshot, SnapshotId, SnapshotKind};
use crate::domain::assignment::Section;
use crate::domain::date::UnixMs;

/// The history as written: borrowed from a [`History`], nothing copied.
#[derive(Serialize)]
struct StoredHistoryRef<'a> {
    next_id: u64,
    section_versions: Vec<&'a Section>,
    snapshots: Vec<StoredSnapshotRef<'a>>,
}

/// One snapshot as written: its sections as places in `section_versions`.
#[derive(Serialize)]
struct StoredSnapshotRef<'a> {
    id: SnapshotId,
    taken_at: UnixMs,
    #[serde(flatten)]
    kind: &'a SnapshotKind,
    words: usize,
    sections: Vec<usize>,
}

impl<'a> StoredSnapshotRef<'a> {
    fn new(snapshot: &'a Snapshot, sections: Vec<usize>) -> Self {
        StoredSnapshotRef {
            id: snapshot.id,
            taken_at: snapshot.taken_at,
            kind: &snapshot.kind,
            words: snapshot.words,
            sections,
        }
    }
}

/// Every distinct section in `snapshots`, in the order first used, and each snapshot's sections
/// as places in that list.
fn pool(snapshots: &[Snapshot]) -> (Vec<&Section>, Vec<Vec<usize>>) {
    let mut places: HashMap<&Section, usize> = HashMap::new();
    let mut distinct = Vec::new();
    let mut uses = Vec::with_capacity(snapshots.len());
    for snapshot in snapshots {
        let mut these = Vec::with_capacity(snapshot.sections.len());
        for section in &snapshot.sections {
            let place = *places.entry(section).or_insert_with(|| {
                distinct.push(section);
                distinct.len() - 1
            });
            these.push(place);
        }
        uses.push(these);
    }
    (distinct, uses)
}

impl Serialize for History {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (section_versions, uses) = pool(&self.snapshots);
        StoredHistoryRef {
            next_id: self.next_id,
            section_versions,
            snapshots: self
                .snapshots
                .iter()
                .zip(uses)
                .map(|(snapshot, sections)| StoredSnapshotRef::new(snapshot, sections))
                .collect(),
        }
        .serialize(serializer)
    }
}

/// The history as read.
#[derive(Deserialize)]
struct StoredHistory {
    next_id: u64,
    /// Absent in a history written whole (schema version 2).
    #[serde(default)]
    section_versions: Vec<Section>,
    snapshots: Vec<StoredSnapshot>,
}

/// One snapshot as read.
#[derive(Deserialize)]
struct StoredSnapshot {
    id: SnapshotId,
    taken_at: UnixMs,
    #[serde(flatten)]
    kind: SnapshotKind,
    words: usize,
    sections: Vec<SectionRef>,
}

/// A snapshot's section: a place in `section_versions`, or the whole section (schema version 2).
enum SectionRef {
    At(u64),
    Whole(Section),
}

impl<'de> Deserialize<'de> for SectionRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RefVisitor;

        impl<'de> Visitor<'de> for RefVisitor {
            type Value = SectionRef;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a place in the history's list of sections, or a whole section")
            }

            fn visit_u64<E: de::Error>(self, place: u64) -> Result<SectionRef, E> {
                Ok(SectionRef::At(place))
            }

            fn visit_i64<E: de::Error>(self, place: i64) -> Result<SectionRef, E> {
                u64::try_from(place)
                    .map(SectionRef::At)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(place), &self))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SectionRef, A::Error> {
                Section::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(SectionRef::Whole)
            }
        }

        deserializer.deserialize_any(RefVisitor)
    }
}

impl<'de> Deserialize<'de> for History {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let stored = StoredHistory::deserialize(deserializer)?;
        let distinct = stored.section_versions;
        let mut snapshots = Vec::with_capacity(stored.snapshots.len());
        for snapshot in stored.snapshots {
            let mut sections = Vec::with_capacity(snapshot.sections.len());
            for section in snapshot.sections {
                sections.push(match section {
                    SectionRef::Whole(whole) => whole,
                    SectionRef::At(place) => usize::try_from(place)
                        .ok()
                        .and_then(|place| distinct.get(place))
                        .cloned()
                        .ok_or_else(|| {
                            de::Error::custom(format!(
                                "saved version {} names section {place} of the history's {}",
                                snapshot.id.0,
                                distinct.len()
                            ))
                        })?,
                });
            }
            snapshots.push(Snapshot {
                id: snapshot.id,
                taken_at: snapshot.taken_at,
                kind: snapshot.kind,
                words: snapshot.words,
                sections,
            });
        }
        Ok(History {
            snapshots,
            next_id: stored.next_id,
        })
    }
}

/// Works out the stored length of a history with some of its snapshots left out, from lengths
/// measured once, so thinning to a byte budget needs no writing out per snapshot removed.
pub(super) struct Sizer {
    /// The history with no snapshots and no sections.
    empty: usize,
    /// Each snapshot with an empty list of sections.
    headers: Vec<usize>,
    /// Each snapshot's sections, as places in the whole history's list.
    uses: Vec<Vec<usize>>,
    /// Each distinct section of the whole history, written out.
    section_lens: Vec<usize>,
}

impl Sizer {
    /// Measures `history` once.
    pub(super) fn new(history: &History) -> Sizer {
        let (distinct, uses) = pool(&history.snapshots);
        Sizer {
            empty: json_len(&StoredHistoryRef {
                next_id: history.next_id,
                section_versions: Vec::new(),
                snapshots: Vec::new(),
            }),
            headers: history
                .snapshots
                .iter()
                .map(|s| json_len(&StoredSnapshotRef::new(s, Vec::new())))
                .collect(),
            uses,
            section_lens: distinct.iter().map(json_len).collect(),
        }
    }

    /// The stored length with only the snapshots whose `kept` entry is true, exactly as
    /// [`History`]'s `Serialize` would write it.
    pub(super) fn len(&self, kept: &[bool]) -> usize {
        let mut total = self.empty;
        // The place each distinct section would have once the others are left out.
        let mut places: Vec<Option<usize>> = vec![None; self.section_lens.len()];
        let mut distinct_kept: usize = 0;
        let mut snapshots_kept: usize = 0;
        for (index, uses) in self.uses.iter().enumerate() {
            if !kept[index] {
                continue;
            }
            snapshots_kept += 1;
            total += self.headers[index] + uses.len().saturating_sub(1);
            for &section in uses {
                let place = match places[section] {
                    Some(place) => place,
                    None => {
                        total += self.section_lens[section];
                        distinct_kept += 1;
                        places[section] = Some(distinct_kept - 1);
                        distinct_kept - 1
                    }
                };
                total += digits(place);
            }
        }
        // The commas between list items.
        total + snapshots_kept.saturating_sub(1) + distinct_kept.saturating_sub(1)
    }
}

/// How many characters `n` takes in JSON.
fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assignment::{Draft, OutlineTemplate, SectionId};
    use crate::domain::history::ThinningPolicy;

    const T0: UnixMs = 1_795_000_000_000;
    const MINUTE: UnixMs = 60_000;

    fn essay() -> Draft {
        let outline = ["Beginning", "Middle", "End"].map(|title| OutlineTemplate {
            title: title.to_owned(),
            prompts: vec![format!("What would you like to say in the {title}?")],
        });
        Draft::from_outline("essay", &outline, T0)
    }

    /// Twelve snapshots of a three-section draft, each after one section changed.
    fn written_over_time() -> (History, Draft) {
        let mut draft = essay();
        let mut history = History::new();
        let ids: Vec<SectionId> = draft.sections.iter().map(|s| s.id).collect();
        for i in 0..12 {
            let section = ids[i % ids.len()];
            let text = format!(
                "{} Version {i} of this part.",
                "A sentence I keep. ".repeat(40)
            );
            draft.set_section_text(section, &text, T0).unwrap();
            let at = T0 + i as UnixMs * 2 * MINUTE;
            history.take_auto_if_due(&draft, at, at - MINUTE, &ThinningPolicy::default());
        }
        history
            .take_named(
                &draft,
                "Sent to my tutor",
                T0 + 30 * MINUTE,
                &ThinningPolicy::default(),
            )
            .unwrap();
        (history, draft)
    }

    #[test]
    fn each_section_is_written_once_however_many_snapshots_hold_it() {
        let (history, _) = written_over_time();
        let text = serde_json::to_string(&history).unwrap();
        // The named snapshot holds the same three sections as the one before it.
        assert_eq!(history.snapshots().len(), 13);
        assert_eq!(text.matches("Version 11 of this part").count(), 1);
        let whole: usize = history.snapshots().iter().map(json_len).sum();
        assert!(
            text.len() * 2 < whole,
            "{} bytes against {whole} written whole",
            text.len()
        );
        let back: History = serde_json::from_str(&text).unwrap();
        assert_eq!(back, history);
        assert_eq!(
            serde_json::to_string(&back).unwrap(),
            text,
            "the same text every time"
        );
    }

    #[test]
    fn a_history_written_whole_by_schema_version_2_reads_the_same() {
        let (history, _) = written_over_time();
        let whole = serde_json::json!({
            "next_id": history.next_id,
            "snapshots": history.snapshots(),
        });
        let back: History = serde_json::from_value(whole).unwrap();
        assert_eq!(back, history);
    }

    #[test]
    fn a_place_past_the_end_of_the_list_is_refused() {
        let damaged = serde_json::json!({
            "next_id": 2,
            "section_versions": [{"id": 1, "title": "Beginning", "text": "Hope."}],
            "snapshots": [{"id": 1, "taken_at": T0, "kind": "auto", "words": 1, "sections": [0, 1]}],
        });
        let error = serde_json::from_value::<History>(damaged).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("saved version 1 names section 1 of the history's 1"),
            "{error}"
        );
        for bad in [
            serde_json::json!(-1),
            serde_json::json!("0"),
            serde_json::json!(null),
        ] {
            let damaged = serde_json::json!({
                "next_id": 2,
                "section_versions": [{"id": 1, "title": "Beginning", "text": "Hope."}],
                "snapshots": [{"id": 1, "taken_at": T0, "kind": "auto", "words": 1, "sections": [bad]}],
            });
            assert!(serde_json::from_value::<History>(damaged).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_sizer_gives_exactly_the_written_length_with_any_snapshots_left_out() {
        let (history, _) = written_over_time();
        let sizer = Sizer::new(&history);
        let n = history.snapshots().len();
        // Every pattern of the first eight kept or left out, the rest kept or not by parity.
        for pattern in 0u32..256 {
            let kept: Vec<bool> = (0..n)
                .map(|i| {
                    if i < 8 {
                        pattern & (1 << i) != 0
                    } else {
                        (pattern + i as u32).is_multiple_of(2)
                    }
                })
                .collect();
            let mut trimmed = history.clone();
            let mut i = 0;
            trimmed.snapshots.retain(|_| {
                i += 1;
                kept[i - 1]
            });
            assert_eq!(
                sizer.len(&kept),
                serde_json::to_string(&trimmed).unwrap().len(),
                "kept {kept:?}"
            );
        }
    }

    #[test]
    fn places_of_ten_and_more_are_counted_by_their_digits() {
        assert_eq!([0, 9, 10, 99, 100, 12_345].map(digits), [1, 1, 2, 2, 3, 5]);
    }
}
