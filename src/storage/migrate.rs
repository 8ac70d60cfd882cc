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

use serde_json::json;

use super::keys::{self, legacy};
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
pub const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    to: 2,
    description: "move the theme and text size into the settings record",
    run: v1_to_v2,
}];

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
        let list = [Migration {
            from: 1,
            to: 2,
            description: "fails",
            run: fails,
        }];
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
}
