// SmallAlloc (render/small_alloc.h): classes, alignment, reuse, large blocks, and blocks that
// cross threads. The binary's operator new is this allocator (under the sanitizers the tests
// run on the library's; these tests call it directly).
#include "render/small_alloc.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

namespace lr::small_alloc {
namespace {

TEST(SmallAllocTest, SmallBlocksAreAlignedDistinctAndWritable) {
  std::set<void*> seen;
  std::vector<std::pair<void*, size_t>> blocks;
  for (size_t size : {0, 1, 15, 16, 17, 31, 32, 100, 255, 256}) {
    for (int i = 0; i < 50; ++i) {
      void* p = Allocate(size);
      ASSERT_NE(p, nullptr);
      EXPECT_TRUE(IsSmall(p)) << size;
      EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u) << size;
      EXPECT_TRUE(seen.insert(p).second) << "handed out twice";
      std::memset(p, 0xAB, size);
      blocks.emplace_back(p, size);
    }
  }
  for (auto [p, size] : blocks) Free(p);
}

TEST(SmallAllocTest, AFreedBlockIsReusedForItsClassOnly) {
  void* a = Allocate(40);  // class 48
  Free(a);
  void* other = Allocate(100);  // another class: not a
  EXPECT_NE(other, a);
  void* again = Allocate(33);  // same class as 40
  EXPECT_EQ(again, a);
  Free(other);
  Free(again);
}

TEST(SmallAllocTest, LargeBlocksAndNullAreMallocs) {
  void* big = Allocate(kMaxSmall + 1);
  ASSERT_NE(big, nullptr);
  EXPECT_FALSE(IsSmall(big));
  std::memset(big, 1, kMaxSmall + 1);
  Free(big);
  Free(nullptr);
  int on_stack = 0;
  EXPECT_FALSE(IsSmall(&on_stack));
}

TEST(SmallAllocTest, BlocksMayBeFreedOnAnotherThread) {
  std::vector<void*> made;
  for (int i = 0; i < 1000; ++i) made.push_back(Allocate(24));
  std::thread([&] {
    for (void* p : made) Free(p);
    // The freeing thread reuses them.
    std::set<void*> reused;
    for (int i = 0; i < 1000; ++i) reused.insert(Allocate(24));
    for (void* p : made) EXPECT_TRUE(reused.count(p));
    for (void* p : reused) Free(p);
  }).join();
}

TEST(SmallAllocTest, ManySlabsOfOneClass) {
  std::vector<void*> blocks;
  for (int i = 0; i < 20000; ++i) blocks.push_back(Allocate(256));  // 78 slabs of 64 KiB
  std::set<void*> distinct(blocks.begin(), blocks.end());
  EXPECT_EQ(distinct.size(), blocks.size());
  for (void* p : blocks) Free(p);
}

}  // namespace
}  // namespace lr::small_alloc
