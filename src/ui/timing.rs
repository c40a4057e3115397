//! The benchmark's hooks: User Timing marks and measures that `make bench` reads (free when
//! nobody looks), and the one way to put start-up work after the first paint.

use leptos::prelude::set_timeout;

/// A User Timing mark.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

pub fn measure(name: &str, start_mark: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start_mark);
        performance.clear_marks_with_mark_name(start_mark);
    }
}

/// Runs `work` between two User Timing marks, so the benchmark can read how long it took.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let start = format!("{name}-start");
    mark(&start);
    let result = work();
    measure(name, &start);
    result
}

/// Runs `work` once the page's first picture is on the screen, not merely handed to the
/// compositor: on a two-core laptop, work started just after the first frame competes with
/// drawing that frame, and a 1 MB workshop's page appeared some 20 ms later for it.
///
/// The browser's first-contentful-paint entry says when. Where there is none (an old
/// browser, or a tab that never becomes visible), a timer runs the work anyway.
pub fn after_first_paint(work: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    /// Long enough for any first paint on a slow machine; short enough that nothing waits
    /// noticeably when no paint entry comes.
    const FALLBACK: std::time::Duration = std::time::Duration::from_secs(2);

    let performance = web_sys::window().and_then(|w| w.performance());
    let painted = performance
        .as_ref()
        .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    if painted {
        // Long past start-up (a date field on a later page): nothing to wait for.
        set_timeout(work, std::time::Duration::ZERO);
        return;
    }

    /// The work, until one of its two triggers takes it.
    type Pending = Rc<Cell<Option<Box<dyn FnOnce()>>>>;
    let pending: Pending = Rc::new(Cell::new(Some(Box::new(work))));
    let run = move || {
        if let Some(work) = pending.take() {
            work();
        }
    };
    set_timeout(run.clone(), FALLBACK);
    let on_paint = Closure::<
        dyn FnMut(web_sys::PerformanceObserverEntryList, web_sys::PerformanceObserver),
    >::new(
        move |entries: web_sys::PerformanceObserverEntryList,
              observer: web_sys::PerformanceObserver| {
            if entries
                .get_entries_by_name("first-contentful-paint")
                .length()
                > 0
            {
                observer.disconnect();
                // Its own task, so the work never runs inside the observer's callback.
                set_timeout(run.clone(), std::time::Duration::ZERO);
            }
        },
    );
    let Ok(observer) = web_sys::PerformanceObserver::new(on_paint.as_ref().unchecked_ref()) else {
        return;
    };
    // `type` with `buffered` (web-sys only offers `entryTypes`, which ignores `buffered`):
    // a paint that came before this call is still reported. Called through `Reflect`, so a
    // browser that refuses these options throws into a `Result`, and the timer does the work.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"type".into(), &"paint".into());
    let _ = js_sys::Reflect::set(&options, &"buffered".into(), &true.into());
    let observing = js_sys::Reflect::get(&observer, &"observe".into())
        .and_then(|observe| observe.dyn_into::<js_sys::Function>())
        .and_then(|observe| observe.call1(&observer, &options));
    if observing.is_ok() {
        // Called back once, at start-up; the closure lives as long as the page.
        on_paint.forget();
    }
}
