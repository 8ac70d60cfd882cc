//! The app layer: the Leptos component tree, routing and the browser-facing pieces.
//!
//! Only compiled for the browser (wasm32). Pages live in [`pages`], one file each; the frame every
//! page sits in (header, navigation, main landmark) is in [`shell`].

pub mod app_update;
pub mod display_settings;
pub mod download;
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
use pages::{
    AssignmentsPage, CoursePage, GlossaryPage, HomePage, MyDataPage, NotFoundPage, SettingsPage,
};
use records::Records;
use shell::Shell;

use crate::storage::local_storage::LocalStorageBackend;

/// The whole app: display settings, the router and every route.
#[component]
pub fn App() -> impl IntoView {
    // Everything stored is loaded first (the load never writes), then display settings are
    // applied before anything renders, so the first paint is already in the trainee's theme.
    let (records, _report) = Records::start(Box::new(LocalStorageBackend::open()));
    provide_context(records);
    provide_context(DisplaySettingsState::load_and_apply(records));
    // Offline use and updates (release builds): see app_update.rs.
    provide_context(AppUpdate::start());

    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/course") view=CoursePage/>
                    <Route path=path!("/assignments") view=AssignmentsPage/>
                    <Route path=path!("/glossary") view=GlossaryPage/>
                    <Route path=path!("/my-data") view=MyDataPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </Shell>
        </Router>
    }
}
