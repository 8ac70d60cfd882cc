//! The frame of one page: its heading, the document title, and where focus goes after navigating.

use std::cell::Cell;

use leptos::prelude::*;

thread_local! {
    /// Whether any page has been shown yet in this visit. The first one is the initial load, when
    /// focus should stay at the top of the document; every later one came from a navigation.
    static A_PAGE_WAS_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// One page of the app, with its `h1`.
///
/// Sets the document title to "{title} · Peer Study" so screen readers and browser history name
/// the page, and, when the trainee arrives here by following a link, moves focus to the heading so
/// a screen reader announces the new page instead of staying silent on the old link.
#[component]
pub fn Page(
    /// The page's heading, also used in the document title. Usually fixed text; a signal where
    /// the trainee can change it (an assignment's title).
    #[prop(into)]
    title: Signal<String>,
    /// What the page shows under its heading.
    children: Children,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    let set_document_title =
        move |title: &str| document().set_title(&format!("{title} · Peer Study"));
    // Set at once for the first paint, then again whenever the title changes.
    title.with_untracked(|t| set_document_title(t));
    Effect::new(move |_| title.with(|t| set_document_title(t)));
    let arrived_by_navigation = A_PAGE_WAS_SHOWN.with(|shown| shown.replace(true));
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            if arrived_by_navigation {
                let _ = h1.focus();
            }
        }
    });
    view! {
        <h1 class="page-title" tabindex="-1" node_ref=heading>{title}</h1>
        {children()}
    }
}
