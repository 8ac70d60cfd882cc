//! The app frame: every main area is reachable from a named link, and the page has landmarks.

use peer_study::app::App;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;

use crate::support::{fresh_container, reset_page};

#[wasm_bindgen_test]
async fn the_main_navigation_names_every_area_of_the_app() {
    reset_page();
    let container = fresh_container();
    leptos::mount::mount_to(container.clone(), App).forget();
    leptos::task::tick().await;

    let nav = container
        .query_selector("nav[aria-label='Main']")
        .unwrap()
        .expect("a navigation landmark named Main");
    let links = nav.query_selector_all("a").unwrap();
    let mut found = Vec::new();
    for i in 0..links.length() {
        let link: Element = wasm_bindgen::JsCast::unchecked_into(links.item(i).unwrap());
        found.push((
            link.text_content().unwrap().trim().to_string(),
            link.get_attribute("href").unwrap(),
        ));
    }
    let expected = [
        ("Home", "/"),
        ("Course", "/course"),
        ("Writing", "/assignments"),
        ("Glossary", "/glossary"),
        ("My data", "/my-data"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(name, href)| (name.to_string(), href.to_string()))
        .collect();
    assert_eq!(found, expected);

    assert!(container.query_selector("main#main").unwrap().is_some());
    assert!(
        container.query_selector("main h1").unwrap().is_some(),
        "every page has a heading"
    );
    assert!(container
        .query_selector("header a[href='/settings']")
        .unwrap()
        .is_some());
}
