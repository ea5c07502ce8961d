// The unit tests' main: like the krait command (src/cli/main.cpp), the tests run on a thread
// with a 1 GiB stack, the stack krait's nesting limits (marshal's 2000 levels, the parser's)
// are sized for; the default 8 MiB main-thread stack is too small for them in sanitizer builds.
#include <gtest/gtest.h>
#include <pthread.h>

namespace {

struct Run {
  int argc;
  char** argv;
  int status = 1;
};

void* run_tests(void* arg) {
  auto* run = static_cast<Run*>(arg);
  testing::InitGoogleTest(&run->argc, run->argv);
  run->status = RUN_ALL_TESTS();
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Run run{argc, argv};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t(1) << 30);
  pthread_t thread;
  if (pthread_create(&thread, &attr, run_tests, &run) != 0) {
    run_tests(&run);
  } else {
    pthread_join(thread, nullptr);
  }
  pthread_attr_destroy(&attr);
  return run.status;
}
