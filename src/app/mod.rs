//! The app layer: the Leptos component tree, routing and the browser-facing pieces.
//!
//! Only compiled for the browser (wasm32). Pages live in [`pages`], one file each; the frame every
//! page sits in (header, navigation, main landmark) is in [`shell`].

pub mod display_settings;
pub mod page;
pub mod pages;
pub mod records;
pub mod shell;
pub mod writing;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use display_settings::DisplaySettingsState;
use pages::{
    AssignmentsPage, CoursePage, EditorPage, GlossaryPage, HomePage, MyDataPage, NotFoundPage,
    SettingsPage,
};
use records::Records;
use shell::Shell;

/// The whole app: display settings, the router and every route.
#[component]
pub fn App() -> impl IntoView {
    // Display settings are read before anything renders, so the first paint is already in the
    // trainee's chosen theme and text size.
    let display = DisplaySettingsState::load_and_apply();
    provide_context(display);
    provide_context(Records::default());

    view! {
        <Router>
            <Shell>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/course") view=CoursePage/>
                    <Route path=path!("/assignments") view=AssignmentsPage/>
                    <Route path=path!("/assignments/:id") view=EditorPage/>
                    <Route path=path!("/glossary") view=GlossaryPage/>
                    <Route path=path!("/my-data") view=MyDataPage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </Shell>
        </Router>
    }
}
