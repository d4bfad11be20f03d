use std::time::Instant;
fn main() {
    let t = Instant::now();
    let (cat, _) = hotseat::traps::load(None);
    println!("catalogue parse {:?}", t.elapsed());
    let t = Instant::now();
    let d = hotseat::assess::Detector::new(&cat).unwrap();
    println!("detector compile {:?}", t.elapsed());
    drop(d);
    let t = Instant::now();
    let entries = hotseat::library::load(&cat);
    println!("library load {:?} ({} entries)", t.elapsed(), entries.len());
    let t = Instant::now();
    let (name, src) = hotseat::library::BUNDLED[0];
    let c = hotseat::scenario::load::check_bytes(name, src.as_bytes(), &cat);
    println!("one scenario check {:?}", t.elapsed());
    let t = Instant::now();
    let comp = hotseat::session::Compiled::new(c.scenario.unwrap(), cat.clone()).unwrap();
    println!("compile scenario (incl detector) {:?}", t.elapsed());
    drop(comp);
}
