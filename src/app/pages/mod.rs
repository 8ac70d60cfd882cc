//! One file per page of the app.

mod assignments;
mod course;
mod glossary;
mod home;
mod my_data;
mod not_found;
mod settings;

pub use assignments::{AssignmentsPage, EditorPage};
pub use course::CoursePage;
pub use glossary::GlossaryPage;
pub use home::HomePage;
pub use my_data::MyDataPage;
pub use not_found::NotFoundPage;
pub use settings::SettingsPage;
