//! The frame around every page: skip link, header, main landmark and the navigation.
//!
//! Phones first: the main areas sit in a bar at the bottom of the screen, in reach of a thumb, and
//! move to the header on wider screens (the stylesheet decides; the markup is the same).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::app::lazy_area::{self, get_ready, lock_now_button, LazyPart, LoadPage};
use crate::app::lock::{LockControl, LockState};
use crate::app::storage_banners::StorageBannerSlot;
use crate::app::update_banner::UpdateBanner;

/// One entry of the main navigation.
struct NavItem {
    href: &'static str,
    label: &'static str,
    /// SVG path data for a 24x24 line icon, drawn with the current text colour.
    icon: &'static str,
    /// The area the link opens, fetched as soon as a finger or pointer goes down on the link
    /// (home is always here).
    opens: Option<LoadPage>,
}

const NAV_ITEMS: [NavItem; 5] = [
    NavItem {
        href: "/",
        label: "Home",
        icon: "M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10",
        opens: None,
    },
    NavItem {
        href: "/course",
        label: "Course",
        icon: "M4 5h6a2 2 0 0 1 2 2v13a2 2 0 0 0-2-2H4zM20 5h-6a2 2 0 0 0-2 2v13a2 2 0 0 1 2-2h6z",
        opens: Some(lazy_area::course_page),
    },
    NavItem {
        href: "/assignments",
        label: "Writing",
        icon: "M4 20h4L19 9l-4-4L4 16zM13 7l4 4",
        opens: Some(lazy_area::assignments_page),
    },
    NavItem {
        href: "/glossary",
        label: "Glossary",
        icon: "M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 0 0 0-13zM15.5 15.5L21 21",
        opens: Some(lazy_area::glossary_page),
    },
    NavItem {
        href: "/my-data",
        label: "My data",
        icon: "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3",
        opens: Some(lazy_area::my_data_page),
    },
];

/// A line icon for the navigation; hidden from screen readers, which read the label instead.
#[component]
fn NavIcon(
    /// SVG path data in a 24x24 box.
    path: &'static str,
) -> impl IntoView {
    view! {
        <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path/>
        </svg>
    }
}

/// Whether the link to `href` is the current page's: Home only on "/", every other area on its
/// own address and everything under it (the Course link on /course/dates, for example).
fn leads_to_current(href: &str, path: &str) -> bool {
    if href == "/" {
        return path == "/";
    }
    path.strip_prefix(href)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The area the header's link to `href` opens, if it is one that loads when first opened.
fn area_opened_by(href: &str) -> Option<LoadPage> {
    if href == "/settings" {
        return Some(lazy_area::settings_page);
    }
    NAV_ITEMS
        .iter()
        .find(|item| item.href == href)
        .and_then(|item| item.opens)
}

/// Starts fetching the area of the header's link that `event` happened on, if it has one (see
/// [`get_ready`]).
fn get_ready_for_link(event: &web_sys::Event) {
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten());
    if let Some(load) = link
        .and_then(|link| link.get_attribute("href"))
        .and_then(|href| area_opened_by(&href))
    {
        get_ready(load);
    }
}

/// The page frame: skip link, header with the app name and settings, the page itself, and the
/// main navigation.
///
/// The links are plain `<a>` elements (the router follows a click on any link in the page), all
/// marked current from one reading of the address. Leptos Router's `<A>` would give each link
/// memos and effects of its own, which cost the first screen about 5 ms of its start-up
/// (docs/build.md, "Plain links"). For the same reason one listener on the header, not one per
/// link, fetches an area as a finger goes down on its link, before the tap's click.
#[component]
pub fn Shell(
    /// The routed page.
    children: Children,
) -> impl IntoView {
    let lock = use_context::<LockControl>();
    let lock_is_on = move || lock.is_some_and(|l| l.state().get() == LockState::Unlocked);
    let path = use_location().pathname;
    let current = move |href: &'static str| {
        move || {
            path.with(|path| leads_to_current(href, path))
                .then_some("page")
        }
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header
            class="app-header"
            on:pointerdown=move |event| get_ready_for_link(&event)
            on:focusin=move |event| get_ready_for_link(&event)
        >
            <a href="/" class="app-name">
                <span class="app-mark" aria-hidden="true">"PS"</span>
                "Peer Study"
            </a>
            <nav class="main-nav" aria-label="Main">
                <ul>
                    {NAV_ITEMS
                        .iter()
                        .map(|item| {
                            view! {
                                <li>
                                    <a href=item.href aria-current=current(item.href)>
                                        <NavIcon path=item.icon/>
                                        <span class="nav-label">{item.label}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <a href="/settings" class="settings-link" aria-current=current("/settings")>
                <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M12 9a3 3 0 1 0 0 6a3 3 0 0 0 0-6zM12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1L7 17M17 7l2.1-2.1"/>
                </svg>
                <span class="settings-label">"Settings"</span>
            </a>
            // "Lock now" on every screen while the lock is on. It comes with the lock screen's
            // piece, which a locked device has already fetched to unlock.
            <Show when=lock_is_on>
                <LazyPart load=lock_now_button quiet=true/>
            </Show>
        </header>
        <main id="main" class="page">
            <UpdateBanner/>
            <StorageBannerSlot/>
            {children()}
        </main>
    }
}
