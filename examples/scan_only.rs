use std::time::Instant;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&p).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let root = hotseat::scenario::spans::scan(&src);
        let e = t.elapsed();
        let t2 = Instant::now();
        drop(root);
        println!("scan {:?} drop {:?}", e, t2.elapsed());
    }
    let half = &src[..src.len() / 2];
    let t = Instant::now();
    let _ = hotseat::scenario::spans::scan(half);
    println!("half (fails) {:?}", t.elapsed());
}
