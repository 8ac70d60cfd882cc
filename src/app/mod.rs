//! The app layer: the Leptos component tree, routing and the browser-facing pieces.
//!
//! Only compiled for the browser (wasm32). Pages live in [`pages`], one file each; the frame every
//! page sits in (header, navigation, main landmark) is in [`shell`].

pub mod app_update;
pub mod backup_file;
pub mod clock;
pub mod display_settings;
pub mod file_out;
pub mod form;
pub mod language_checker;
pub mod lazy_area;
pub mod lock;
pub mod notices;
pub mod page;
pub mod pages;
pub mod records;
pub mod shell;
pub mod storage_banners;
pub mod update_banner;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use app_update::AppUpdate;
use display_settings::DisplaySettingsState;
use lazy_area::lazy;
use pages::{HomePage, NotFoundPage};
use records::Records;
use shell::Shell;

use lazy_area::LazyLockScreen;
use lock::LockControl;

/// The whole app: the lock screen while the passcode lock is locked, then display settings, the
/// router and every route.
#[component]
pub fn App() -> impl IntoView {
    // With the passcode lock on, nothing is loaded (let alone decrypted or shown) until it is
    // unlocked, whatever the address: the lock screen stands in for everything. See lock/mod.rs.
    let lock = LockControl::start();
    provide_context(lock);
    // Offline use and updates (release builds): see app_update.rs.
    provide_context(AppUpdate::start());
    // The Safari notice, installing, the last backup: see notices/mod.rs.
    provide_context(notices::DeviceSafety::start());
    view! {
        <Show when=move || lock.is_open() fallback=|| view! { <LazyLockScreen/> }>
            <Unlocked/>
        </Show>
    }
}

/// Everything behind the lock: the records, display settings and the router.
#[component]
fn Unlocked() -> impl IntoView {
    let lock = expect_context::<LockControl>();
    // What is stored is loaded first (the load never writes; the long writing follows just
    // after the first screen, see `Records::start`), then display settings are applied before
    // anything renders, so the first paint is already in the trainee's theme.
    let (records, _report) = Records::start(lock.backend());
    lock.attach(records);
    provide_context(records);
    provide_context(DisplaySettingsState::load_and_apply(records));
    notices::ask_to_keep_after_first_entry(records);

    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/course") view=lazy(lazy_area::course_page)/>
                    // The course's own pages come before "/course/:id", which is any module's
                    // page (the placement's, with its log, is "/course/placement").
                    <Route path=path!("/course/dates") view=lazy(lazy_area::schedule_page)/>
                    <Route path=path!("/course/attendance") view=lazy(lazy_area::attendance_page)/>
                    <Route path=path!("/course/journal") view=lazy(lazy_area::journal_page)/>
                    <Route path=path!("/course/reading") view=lazy(lazy_area::further_reading_page)/>
                    <Route path=path!("/course/careers") view=lazy(lazy_area::careers_page)/>
                    <Route path=path!("/course/:id") view=lazy(lazy_area::module_page)/>
                    <Route path=path!("/assignments") view=lazy(lazy_area::assignments_page)/>
                    <Route path=path!("/assignments/:id") view=lazy(lazy_area::editor_page)/>
                    <Route path=path!("/glossary") view=lazy(lazy_area::glossary_page)/>
                    // Fixed addresses before the entry id, which would otherwise match them.
                    <Route path=path!("/glossary/new") view=lazy(lazy_area::new_own_entry_page)/>
                    <Route path=path!("/glossary/flashcards") view=lazy(lazy_area::flashcards_page)/>
                    <Route path=path!("/glossary/:id/edit") view=lazy(lazy_area::edit_own_entry_page)/>
                    <Route path=path!("/glossary/:id") view=lazy(lazy_area::glossary_entry_page)/>
                    <Route path=path!("/my-data") view=lazy(lazy_area::my_data_page)/>
                    <Route path=path!("/settings") view=lazy(lazy_area::settings_page)/>
                </Routes>
            </Shell>
        </Router>
    }
}
