//! One file per page of the app.

pub mod course;
pub mod glossary;
mod home;
mod my_data;
mod not_found;
mod settings;
pub mod writing;

pub use course::{
    AttendancePage, CareersPage, CoursePage, FurtherReadingPage, JournalPage, ModulePage,
    SchedulePage,
};
pub use glossary::{
    EditOwnEntryPage, FlashcardsDue, FlashcardsPage, GlossaryEntryPage, GlossaryPage,
    NewOwnEntryPage,
};
pub use home::{HomeCards, HomePage};
pub use my_data::MyDataPage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
pub use writing::{AssignmentsPage, EditorPage};
