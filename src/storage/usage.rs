//! How much of the browser's storage Peer Study uses, by kind of data, for the "My data" page.
//!
//! Sizes are in the units browsers count against their ~5 MiB allowance: UTF-16 code units of
//! every key and value ([`BROWSER_QUOTA_UNITS`]). Shown as "MB", one unit counts as one byte, which
//! is how browsers describe the allowance.

use std::collections::BTreeMap;

use super::backend::{storage_units, Backend, BROWSER_QUOTA_UNITS};
use super::error::BackendError;
use super::keys::{self, KeyClass, RecordKind};

/// A group of keys on the "My data" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UsageGroup {
    /// Records of one kind.
    Records(RecordKind),
    /// Set-aside copies.
    SetAside,
    /// The meta record and data in an older layout waiting to be tidied away.
    Bookkeeping,
    /// Other things this site stored that are not Peer Study's.
    NotPeerStudy,
}

impl UsageGroup {
    /// What the page calls the group.
    pub fn label(self) -> &'static str {
        match self {
            UsageGroup::Records(kind) => kind.label(),
            UsageGroup::SetAside => "Copies kept safe for you",
            UsageGroup::Bookkeeping => "Peer Study's own bookkeeping",
            UsageGroup::NotPeerStudy => "Other data on this site",
        }
    }

    fn of(key: &str) -> UsageGroup {
        match keys::classify(key) {
            KeyClass::Record(kind) => UsageGroup::Records(kind),
            KeyClass::Quarantine => UsageGroup::SetAside,
            KeyClass::Meta | KeyClass::Legacy => UsageGroup::Bookkeeping,
            KeyClass::Foreign => UsageGroup::NotPeerStudy,
        }
    }
}

/// One line of the usage table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupUsage {
    /// The group.
    pub group: UsageGroup,
    /// How many keys.
    pub keys: usize,
    /// Room used, in UTF-16 units.
    pub units: u64,
}

/// Storage use, by group and in total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageReport {
    /// Groups with at least one key, largest first.
    pub groups: Vec<GroupUsage>,
    /// Room used by everything, in UTF-16 units.
    pub total_units: u64,
    /// The browser's usual allowance ([`BROWSER_QUOTA_UNITS`]).
    pub quota_units: u64,
}

impl UsageReport {
    /// Share of the allowance used, 0 to 100 (can pass 100 in a browser with a larger allowance).
    pub fn percent_used(&self) -> f64 {
        self.total_units as f64 * 100.0 / self.quota_units as f64
    }
}

/// Figures the usage of what is stored in `backend`.
pub fn usage(backend: &impl Backend) -> Result<UsageReport, BackendError> {
    let mut entries = Vec::new();
    for key in backend.keys()? {
        if let Some(value) = backend.get(&key)? {
            entries.push((key, value));
        }
    }
    Ok(usage_of(
        entries.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    ))
}

/// Figures the usage of some keys and values (pure, for tests and for memory-only estimates).
pub fn usage_of<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> UsageReport {
    let mut by_group: BTreeMap<UsageGroup, (usize, u64)> = BTreeMap::new();
    let mut total = 0;
    for (key, value) in entries {
        let units = storage_units(key, value);
        let slot = by_group.entry(UsageGroup::of(key)).or_default();
        slot.0 += 1;
        slot.1 += units;
        total += units;
    }
    let mut groups: Vec<GroupUsage> = by_group
        .into_iter()
        .map(|(group, (keys, units))| GroupUsage { group, keys, units })
        .collect();
    groups.sort_by(|a, b| b.units.cmp(&a.units).then(a.group.cmp(&b.group)));
    UsageReport {
        groups,
        total_units: total,
        quota_units: BROWSER_QUOTA_UNITS,
    }
}

/// A size for people, as a file manager shows it: "840 bytes", "12 KB", "1.4 MB" (decimal units,
/// one decimal place in MB). Used for storage here and for a backup file's size.
pub fn format_size(units: u64) -> String {
    match units {
        0..=999 => format!("{units} bytes"),
        1_000..=999_999 => format!("{} KB", units / 1_000),
        _ => format!("{:.1} MB", units as f64 / 1_000_000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_is_grouped_by_kind_and_largest_first() {
        let report = usage_of([
            ("peer-study/draft/a", "x".repeat(100).as_str()),
            ("peer-study/draft/b", "y".repeat(100).as_str()),
            ("peer-study/settings", "{}"),
            ("peer-study/meta", "{}"),
            ("peer-study/quarantine/draft/a@1", "zz"),
            ("someone-else", "v"),
        ]);
        assert_eq!(
            report.groups[0].group,
            UsageGroup::Records(RecordKind::Draft)
        );
        assert_eq!(report.groups[0].keys, 2);
        assert_eq!(report.groups[0].units, 2 * (18 + 100));
        let total: u64 = report.groups.iter().map(|g| g.units).sum();
        assert_eq!(report.total_units, total);
        assert!(report
            .groups
            .iter()
            .any(|g| g.group == UsageGroup::NotPeerStudy && g.keys == 1));
    }

    #[test]
    fn the_percentage_is_of_the_browsers_five_mebibytes() {
        let half = "x".repeat((BROWSER_QUOTA_UNITS / 2) as usize - 1);
        let report = usage_of([("k", half.as_str())]);
        assert!((report.percent_used() - 50.0).abs() < 0.001);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_size(840), "840 bytes");
        assert_eq!(format_size(12_345), "12 KB");
        assert_eq!(format_size(1_400_000), "1.4 MB");
    }
}
