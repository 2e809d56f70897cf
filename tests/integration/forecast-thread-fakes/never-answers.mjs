// A forecast thread that never answers: only stopping it ends the call.
setInterval(() => {}, 1_000);
