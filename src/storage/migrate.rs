//! Step-by-step migrations from every older schema version to the current one.
//!
//! A migration takes a [`Snapshot`] (Peer Study's keys and their raw stored text) by reference and
//! returns a new one, so its input is never changed and a failed step leaves the stored data
//! exactly as it was. Steps are numbered without gaps from [`OLDEST_VERSION`] to
//! [`CURRENT_VERSION`]; [`validate_migrations`] checks this and a test runs it.
//!
//! Rule for every step: data already in the step's target shape passes through unchanged. A save
//! interrupted between writing records and writing the meta record leaves newer records behind an
//! older version number, and the next load must not damage them.

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt;

use serde_json::{json, Value};

use super::keys::{self, legacy, KeyClass, RecordKind};
use super::record::Record;
use super::schema::{CURRENT_VERSION, OLDEST_VERSION};
use crate::domain::date::UnixMs;
use crate::domain::settings::{TextSize, Theme};

/// Peer Study's stored keys and their raw text, as one schema version lays them out.
pub type Snapshot = BTreeMap<String, String>;

/// A value a migration could not carry forward, kept aside so it is not lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The key it was stored under.
    pub key: String,
    /// The text as it was stored.
    pub raw: String,
    /// What was wrong with it, for the trainee.
    pub reason: String,
}

/// What one step produces.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepOutput {
    /// The data in the step's target layout.
    pub snapshot: Snapshot,
    /// Values the step could not carry forward.
    pub set_aside: Vec<SetAside>,
}

/// One step, from `from` to `from + 1`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The version it reads.
    pub from: u32,
    /// The version it writes; always `from + 1`.
    pub to: u32,
    /// What it does, for logs and tests.
    pub description: &'static str,
    /// The step itself. `now` stamps any record it creates.
    pub run: fn(&Snapshot, UnixMs) -> Result<StepOutput, String>,
}

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        to: 2,
        description: "move the theme and text size into the settings record",
        run: v1_to_v2,
    },
    Migration {
        from: 2,
        to: 3,
        description: "store each draft's version history with every section written once",
        run: v2_to_v3,
    },
];

/// The result of migrating a snapshot to the current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    /// The data in the current layout.
    pub snapshot: Snapshot,
    /// The version it started at.
    pub from: u32,
    /// The version it reached ([`CURRENT_VERSION`]).
    pub to: u32,
    /// The steps that ran, in order.
    pub steps: Vec<&'static str>,
    /// Values that could not be carried forward, kept aside.
    pub set_aside: Vec<SetAside>,
}

/// Why data could not be brought up to the current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// The data was written by a newer version of Peer Study.
    NewerThanApp {
        /// The version the data says it follows.
        found: u32,
    },
    /// The data is older than any version this build can migrate from.
    OlderThanSupported {
        /// The version the data says it follows.
        found: u32,
    },
    /// The list of migrations has a gap or a step in the wrong place (a programming error).
    Gap {
        /// The step that should come next.
        expected_from: u32,
        /// What was found instead (`None` when the list ends too early).
        found: Option<(u32, u32)>,
    },
    /// A step could not convert the data.
    StepFailed {
        /// The version the step reads.
        from: u32,
        /// What went wrong.
        reason: String,
    },
}

impl fmt::Display for MigrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrationError::NewerThanApp { found } => write!(
                f,
                "this data was saved by a newer version of Peer Study (data version {found}; this \
                 version understands up to {CURRENT_VERSION})"
            ),
            MigrationError::OlderThanSupported { found } => write!(
                f,
                "this data uses version {found}, older than any this version of Peer Study can \
                 update (from {OLDEST_VERSION})"
            ),
            MigrationError::Gap {
                expected_from,
                found,
            } => match found {
                Some((from, to)) => write!(
                    f,
                    "the migration list is broken: expected a step from version {expected_from}, \
                     found {from} to {to}"
                ),
                None => write!(
                    f,
                    "the migration list is broken: no step from version {expected_from}"
                ),
            },
            MigrationError::StepFailed { from, reason } => write!(
                f,
                "could not update data from version {from} to {}: {reason}",
                from + 1
            ),
        }
    }
}

impl Error for MigrationError {}

/// Checks that `list` runs from [`OLDEST_VERSION`] to [`CURRENT_VERSION`] one step at a time.
pub fn validate_migrations(list: &[Migration]) -> Result<(), MigrationError> {
    let mut expected = OLDEST_VERSION;
    for step in list {
        if step.from != expected || step.to != expected + 1 {
            return Err(MigrationError::Gap {
                expected_from: expected,
                found: Some((step.from, step.to)),
            });
        }
        expected += 1;
    }
    if expected != CURRENT_VERSION {
        return Err(MigrationError::Gap {
            expected_from: expected,
            found: None,
        });
    }
    Ok(())
}

/// Brings `snapshot`, which follows schema version `from`, up to [`CURRENT_VERSION`].
///
/// The input is borrowed and never changed. Data already at the current version comes back as it
/// is, with no steps.
pub fn migrate(snapshot: &Snapshot, from: u32, now: UnixMs) -> Result<Migrated, MigrationError> {
    migrate_with(MIGRATIONS, snapshot, from, now)
}

/// [`migrate`] with a given list of steps (for tests of the machinery itself).
pub fn migrate_with(
    list: &[Migration],
    snapshot: &Snapshot,
    from: u32,
    now: UnixMs,
) -> Result<Migrated, MigrationError> {
    if from > CURRENT_VERSION {
        return Err(MigrationError::NewerThanApp { found: from });
    }
    if from < OLDEST_VERSION {
        return Err(MigrationError::OlderThanSupported { found: from });
    }
    validate_migrations(list)?;
    let mut current = snapshot.clone();
    let mut steps = Vec::new();
    let mut set_aside = Vec::new();
    for step in list.iter().filter(|s| s.from >= from) {
        let output = (step.run)(&current, now).map_err(|reason| MigrationError::StepFailed {
            from: step.from,
            reason,
        })?;
        current = output.snapshot;
        set_aside.extend(output.set_aside);
        steps.push(step.description);
    }
    Ok(Migrated {
        snapshot: current,
        from,
        to: CURRENT_VERSION,
        steps,
        set_aside,
    })
}

/// One v1 setting read from its legacy key `key` (`raw`, if it was there): what `parse` makes of
/// it, or the default when it was missing or not understood. Text that was not understood is set
/// aside with `reason`, so nothing the trainee had stored is thrown away.
fn legacy_setting<T: Default>(
    set_aside: &mut Vec<SetAside>,
    key: &str,
    raw: Option<String>,
    parse: fn(&str) -> Option<T>,
    reason: &str,
) -> T {
    let Some(raw) = raw else {
        return T::default();
    };
    parse(&raw).unwrap_or_else(|| {
        set_aside.push(SetAside {
            key: key.into(),
            raw,
            reason: reason.into(),
        });
        T::default()
    })
}

/// Version 1 to 2: the two plain-string settings keys become one settings record.
///
/// A value the foundation build would not have understood either ("purple") falls back to the
/// default, and the stored text is kept aside. If a settings record already exists (an interrupted
/// earlier migration, or saves since), it is newer than the legacy keys and is left as it is.
fn v1_to_v2(input: &Snapshot, now: UnixMs) -> Result<StepOutput, String> {
    let mut output = StepOutput {
        snapshot: input.clone(),
        set_aside: Vec::new(),
    };
    let theme_raw = output.snapshot.remove(legacy::THEME_V1);
    let size_raw = output.snapshot.remove(legacy::TEXT_SIZE_V1);
    if output.snapshot.contains_key(keys::SETTINGS) || (theme_raw.is_none() && size_raw.is_none()) {
        return Ok(output);
    }
    let theme = legacy_setting(
        &mut output.set_aside,
        legacy::THEME_V1,
        theme_raw,
        Theme::parse,
        "The saved colour theme wasn't one Peer Study knows, so it is back to matching your \
         device.",
    );
    let text_size = legacy_setting(
        &mut output.set_aside,
        legacy::TEXT_SIZE_V1,
        size_raw,
        TextSize::parse,
        "The saved text size wasn't one Peer Study knows, so it is back to standard.",
    );
    let record = Record {
        rev: 1,
        saved_at: now,
        ..Record::new(json!({"theme": theme.as_str(), "text_size": text_size.as_str()}))
    };
    output
        .snapshot
        .insert(keys::SETTINGS.into(), record.encode());
    Ok(output)
}

/// Version 2 to 3: each draft's version history is written with every distinct section once
/// (the stored form in `domain::history`), about a fifth of its size a year in.
///
/// The step works on the stored JSON, not on the app's `History` type, so that the first
/// download (which holds every migration) does not carry the history's own reading and writing,
/// which only the writing and My data pages need. Each whole section becomes its place in
/// `section_versions`, in the order first used, oldest snapshot first: the same text the app
/// writes (a test holds the two to each other). Everything else in the record, fields a newer
/// build added included, stays as it was. A history not shaped as a list of snapshots, each
/// with a list of sections, is left exactly as it was, for the load to deal with as before; one
/// already written the new way comes through unchanged. Nothing is set aside: nothing is lost.
fn v2_to_v3(input: &Snapshot, _now: UnixMs) -> Result<StepOutput, String> {
    let mut output = StepOutput {
        snapshot: input.clone(),
        set_aside: Vec::new(),
    };
    for (key, raw) in output.snapshot.iter_mut() {
        if keys::classify(key) != KeyClass::Record(RecordKind::History) {
            continue;
        }
        let Ok(mut record) = Record::decode(raw) else {
            continue;
        };
        if write_sections_once(&mut record.data) {
            *raw = record.encode();
        }
    }
    Ok(output)
}

/// Rewrites a history's data so each distinct whole section is stored once in
/// `section_versions` and named by its place there. Returns whether anything changed; when the
/// data is not shaped as expected it is left untouched and the answer is `false`.
fn write_sections_once(data: &mut Value) -> bool {
    let Some(history) = data.as_object_mut() else {
        return false;
    };
    let shaped = history
        .get("snapshots")
        .and_then(Value::as_array)
        .is_some_and(|snapshots| {
            snapshots
                .iter()
                .all(|snapshot| snapshot.get("sections").is_some_and(Value::is_array))
        });
    let pool_shaped = history.get("section_versions").is_none_or(Value::is_array);
    if !shaped || !pool_shaped {
        return false;
    }
    let mut pool: Vec<Value> = match history.remove("section_versions") {
        Some(Value::Array(pool)) => pool,
        _ => Vec::new(),
    };
    // A B-tree of the same types as the store's revisions, so the first download carries no
    // second copy of a map's code for this step.
    let mut places: BTreeMap<String, u64> = BTreeMap::new();
    for (place, section) in (0u64..).zip(&pool) {
        places.insert(section.to_string(), place);
    }
    let mut changed = false;
    let snapshots = history.get_mut("snapshots").and_then(Value::as_array_mut);
    for snapshot in snapshots.into_iter().flatten() {
        let sections = snapshot.get_mut("sections").and_then(Value::as_array_mut);
        for section in sections.into_iter().flatten() {
            if !section.is_object() {
                continue;
            }
            let text = section.to_string();
            let place = match places.get(&text) {
                Some(place) => *place,
                None => {
                    let place = pool.len() as u64;
                    pool.push(section.take());
                    places.insert(text, place);
                    place
                }
            };
            *section = Value::from(place);
            changed = true;
        }
    }
    history.insert("section_versions".into(), Value::Array(pool));
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noop(input: &Snapshot, _now: UnixMs) -> Result<StepOutput, String> {
        Ok(StepOutput {
            snapshot: input.clone(),
            set_aside: Vec::new(),
        })
    }

    #[test]
    fn the_real_migration_list_has_no_gaps_and_ends_at_the_current_version() {
        validate_migrations(MIGRATIONS).unwrap();
        assert_eq!(MIGRATIONS.first().map(|m| m.from), Some(OLDEST_VERSION));
        assert_eq!(MIGRATIONS.last().map(|m| m.to), Some(CURRENT_VERSION));
    }

    #[test]
    fn a_list_with_a_gap_or_a_missing_last_step_is_refused() {
        let skips = [Migration {
            from: 1,
            to: 3,
            description: "skips",
            run: noop,
        }];
        assert!(matches!(
            validate_migrations(&skips),
            Err(MigrationError::Gap {
                expected_from: 1,
                found: Some((1, 3))
            })
        ));
        assert_eq!(
            validate_migrations(&[]),
            Err(MigrationError::Gap {
                expected_from: 1,
                found: None
            })
        );
    }

    #[test]
    fn a_failing_step_is_reported_with_its_version() {
        fn fails(_: &Snapshot, _: UnixMs) -> Result<StepOutput, String> {
            Err("the course record is not a list".into())
        }
        let list = [
            Migration {
                from: 1,
                to: 2,
                description: "fails",
                run: fails,
            },
            Migration {
                from: 2,
                to: 3,
                description: "never reached",
                run: noop,
            },
        ];
        let err = migrate_with(&list, &Snapshot::new(), 1, 0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "could not update data from version 1 to 2: the course record is not a list"
        );
    }

    #[test]
    fn newer_and_too_old_versions_are_refused() {
        assert_eq!(
            migrate(&Snapshot::new(), CURRENT_VERSION + 1, 0),
            Err(MigrationError::NewerThanApp {
                found: CURRENT_VERSION + 1
            })
        );
        assert_eq!(
            migrate(&Snapshot::new(), 0, 0),
            Err(MigrationError::OlderThanSupported { found: 0 })
        );
    }

    #[test]
    fn a_history_keeps_its_revision_and_what_a_newer_build_added_when_rewritten() {
        let section = json!({"id": 1, "title": "Hope", "prompts": [], "text": "Small steps.",
                             "mood": "calm"});
        let snapshot = |id: u64| {
            json!({"id": id, "taken_at": 1_795_000_000_000i64 + id as i64, "kind": "auto",
                   "words": 2, "sections": [section], "pinned": true})
        };
        let whole = json!({"rev": 41, "saved_at": 1_795_100_000_000i64, "written_by": "newer",
                           "data": {"next_id": 3, "snapshots": [snapshot(1), snapshot(2)],
                                    "colour": "green"}});
        let mut input = Snapshot::new();
        input.insert(keys::history("essay"), whole.to_string());
        input.insert(keys::history("damaged"), "{\"rev\":2,\"saved_".into());
        input.insert(
            keys::JOURNAL.into(),
            json!({"rev": 1, "saved_at": 1, "data": {}}).to_string(),
        );

        let output = v2_to_v3(&input, 0).unwrap();
        assert!(output.set_aside.is_empty());
        assert_eq!(
            output.snapshot[&keys::history("damaged")],
            input[&keys::history("damaged")]
        );
        assert_eq!(output.snapshot[keys::JOURNAL], input[keys::JOURNAL]);
        let record = Record::decode(&output.snapshot[&keys::history("essay")]).unwrap();
        assert_eq!((record.rev, record.saved_at), (41, 1_795_100_000_000));
        assert_eq!(record.extra["written_by"], "newer");
        assert_eq!(record.data["colour"], "green");
        assert_eq!(
            record.data["section_versions"].as_array().map(Vec::len),
            Some(1)
        );
        assert_eq!(record.data["section_versions"][0]["mood"], "calm");
        assert_eq!(record.data["snapshots"][1]["sections"], json!([0]));
        assert_eq!(record.data["snapshots"][1]["pinned"], true);

        // Run again on its own output: nothing changes.
        assert_eq!(
            v2_to_v3(&output.snapshot, 0).unwrap().snapshot,
            output.snapshot
        );
    }

    #[test]
    fn the_rewritten_history_is_exactly_what_the_app_writes() {
        use crate::domain::assignment::{Draft, OutlineTemplate};
        use crate::domain::history::{History, ThinningPolicy};

        let outline =
            ["Where I started", "What helped", "Where I am now"].map(|title| OutlineTemplate {
                title: title.to_owned(),
                prompts: vec![format!("A question about {title}")],
            });
        let mut draft = Draft::from_outline("essay", &outline, 0);
        let ids: Vec<_> = draft.sections.iter().map(|s| s.id).collect();
        let mut history = History::new();
        let policy = ThinningPolicy::default();
        for i in 0..40i64 {
            let at = 1_795_000_000_000 + i * 7 * 60_000;
            let text = format!("Draft {i}: \"quotes\", a tab\t and 🌱.");
            draft
                .set_section_text(ids[(i % 3) as usize], &text, at)
                .unwrap();
            history.take_auto_if_due(&draft, at, at - 60_000, &policy);
            if i % 13 == 0 {
                history
                    .take_named(&draft, &format!("Step {i}"), at + 1, &policy)
                    .unwrap();
            }
        }
        let whole = json!({"next_id": 99, "snapshots": history.snapshots()});
        let mut input = Snapshot::new();
        let record = Record {
            rev: 7,
            saved_at: 1,
            ..Record::new(whole)
        };
        input.insert(keys::history("essay"), record.encode());

        let output = v2_to_v3(&input, 0).unwrap();
        let migrated = Record::decode(&output.snapshot[&keys::history("essay")]).unwrap();
        let mut written = serde_json::to_value(&history).unwrap();
        written["next_id"] = json!(99);
        assert_eq!(migrated.data, written);
    }
}
