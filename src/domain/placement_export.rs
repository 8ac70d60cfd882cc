//! The placement log as a document for the trainee's peer supervisor: the hours, each visit's
//! setting, what was observed and what was learned, and a line for the supervisor to write their
//! name on. It is laid out as sections so the existing writers (Word, print) produce it unchanged.

use super::assignment::{Section, SectionId};
use super::field_error::minutes_in_words;
use super::placement::PlacementLog;

/// The document's title.
pub const PLACEMENT_TITLE: &str = "Placement log";

/// The line left for the peer supervisor to fill in by hand. Peer Study never asks for or keeps
/// the supervisor's details.
pub const SUPERVISOR_LINE: &str = "Peer supervisor's name: ______________________________";

/// The log's sections, oldest visit first: a summary (dates, totals, the supervisor line), then
/// one section per entry.
pub fn placement_sections(log: &PlacementLog) -> Vec<Section> {
    let totals = log.totals();
    let mut summary = Vec::new();
    if let Some(dates) = log.dates {
        summary.push(format!("Placement dates: {}", dates.label()));
    }
    summary.push(if totals.entries == 0 {
        "No placement time is logged yet.".to_string()
    } else {
        format!("Time logged: {}", totals.label())
    });
    summary.push(SUPERVISOR_LINE.to_string());
    let mut sections = vec![Section {
        id: SectionId(0),
        title: "Summary".to_string(),
        prompts: Vec::new(),
        text: summary.join("\n\n"),
    }];
    let mut entries: Vec<_> = log.entries.iter().collect();
    entries.sort_by_key(|e| e.date);
    for (n, entry) in entries.into_iter().enumerate() {
        let mut time = minutes_in_words(entry.minutes);
        if let (Some(start), Some(end)) = (entry.start, entry.end) {
            time.push_str(&format!(" ({start} to {end})"));
        }
        let mut parts = vec![format!("Time: {time}")];
        for (heading, text) in [
            ("What I observed", &entry.observed),
            ("What I learned", &entry.learned),
        ] {
            if !text.trim().is_empty() {
                parts.push(format!("{heading}:\n{}", text.trim()));
            }
        }
        sections.push(Section {
            id: SectionId(n as u32 + 1),
            title: format!("{} · {}", entry.date.display_short(), entry.setting.trim()),
            prompts: Vec::new(),
            text: parts.join("\n\n"),
        });
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::placement::PlacementDraft;
    use crate::domain::placement_dates::PlacementDates;

    fn draft(date: &str, hours: &str, setting: &str, observed: &str) -> PlacementDraft {
        PlacementDraft {
            date: date.into(),
            hours: hours.into(),
            setting: setting.into(),
            observed: observed.into(),
            learned: "Listening first.".into(),
            ..PlacementDraft::default()
        }
    }

    #[test]
    fn the_log_reads_oldest_first_with_totals_and_a_line_for_the_supervisor() {
        let mut log = PlacementLog::default();
        log.add(&draft(
            "2026-11-10",
            "3",
            "Recovery college",
            "A group; calm.",
        ))
        .unwrap();
        log.add(&PlacementDraft {
            start: "09:30".into(),
            end: "12:00".into(),
            ..draft("2026-11-03", "", "Community team", "")
        })
        .unwrap();
        log.dates = Some(PlacementDates::from_text("2026-11-01", "2026-11-30").unwrap());
        let sections = placement_sections(&log);
        assert_eq!(sections.len(), 3);
        assert_eq!(sections[0].title, "Summary");
        assert!(sections[0]
            .text
            .starts_with("Placement dates: Sun 1 Nov 2026 to Mon 30 Nov 2026"));
        assert!(sections[0]
            .text
            .contains("Time logged: 5 hours 30 minutes over 2 days"));
        assert!(sections[0].text.ends_with(SUPERVISOR_LINE));
        assert_eq!(sections[1].title, "Tue 3 Nov 2026 · Community team");
        assert_eq!(
            sections[1].text,
            "Time: 2 hours 30 minutes (09:30 to 12:00)\n\nWhat I learned:\nListening first."
        );
        assert_eq!(sections[2].title, "Tue 10 Nov 2026 · Recovery college");
        assert!(sections[2]
            .text
            .contains("What I observed:\nA group; calm."));
    }

    #[test]
    fn an_empty_log_still_has_its_summary_and_supervisor_line() {
        let sections = placement_sections(&PlacementLog::default());
        assert_eq!(sections.len(), 1);
        assert_eq!(
            sections[0].text,
            format!("No placement time is logged yet.\n\n{SUPERVISOR_LINE}")
        );
    }
}
