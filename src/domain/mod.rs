//! The domain layer: plain data and pure rules, with no knowledge of the browser or of Leptos.

pub mod date;
pub mod settings;
// Keeping data safe on the device (issue 14 C): the Safari notice, the last backup.
pub mod storage_safety;

// Assignment drafting (issue 5): assignments and drafts, word counts, version history, export.
pub mod assignment;
pub mod export;
pub mod history;
pub mod profile;
pub mod word_count;

// Course map, schedule, attendance, placement log and journal (issue 4).
pub mod attendance;
pub mod course;
pub mod duration;
pub mod field_error;
pub mod journal;
pub mod next_steps;
pub mod placement;
pub mod progress;
pub mod schedule;

// The course companion (issue 16): the calendar file, graduating, placement dates, journal
// reflections into the essay.
pub mod course_calendar;
pub mod further_reading;
pub mod graduation;
pub mod ics;
pub mod journal_insert;
pub mod placement_dates;
pub mod placement_export;

// Recovery-language glossary, checker and flashcards (issue 6).
pub mod dismissal;
pub mod flashcards;
pub mod glossary;
pub mod grammar_slot;
pub mod highlight;
pub mod language_check;
pub mod paragraph_cache;
pub mod phrase_pattern;
pub mod phrase_rule;
pub mod slot_context;
pub mod text_edit;
