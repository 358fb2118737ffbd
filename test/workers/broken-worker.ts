/** A worker module that cannot load: the pool must say so and keep answering on its own thread. */
throw new Error('this worker cannot load');
