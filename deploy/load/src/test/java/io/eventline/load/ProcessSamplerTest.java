package io.eventline.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessSamplerTest {

    @Test
    void readsCpuAndResidentPagesFromAStatLineWhoseNameHasSpacesAndParentheses() {
        String line = "4242 (java (main) x) S 17 4242 17 0 -1 4194560 9 0 0 0 1500 250 30 20 20 0 40 0 "
                + "123456 2147483648 51200 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        ProcessSampler.Stat stat = ProcessSampler.Stat.parse(line);

        assertThat(stat.pid()).isEqualTo(4242);
        assertThat(stat.parent()).isEqualTo(17);
        assertThat(stat.userAndSystemTicks()).isEqualTo(1750);
        assertThat(stat.childrenTicks()).isEqualTo(50);
        assertThat(stat.rssPages()).isEqualTo(51200);
    }

    @Test
    void findsTheInodeOfTheSocketListeningOnAPort() {
        List<String> tcp = List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 111 1",
                "   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1",
                "   2: 00000000:3C28 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 333 1");

        // 0x1F90 = 8080: the established connection (state 01) is not the listener.
        assertThat(ProcessSampler.listeningInode(tcp, 8080)).hasValue(222);
        assertThat(ProcessSampler.listeningInode(tcp, 15400)).hasValue(333);
        assertThat(ProcessSampler.listeningInode(tcp, 9092)).isEmpty();
    }

    @Test
    void aTreeIsTheRootAndEveryDescendantButNotItsParentOrSiblings() {
        Map<Long, ProcessSampler.Stat> stats = Map.of(
                1L, stat(1, 0), 10L, stat(10, 1), 11L, stat(11, 10), 12L, stat(12, 10), 13L, stat(13, 12), 20L, stat(20, 1));

        assertThat(ProcessSampler.tree(10, stats)).containsExactlyInAnyOrder(10L, 11L, 12L, 13L);
        assertThat(ProcessSampler.tree(99, stats)).isEmpty();
    }

    @Test
    void readsTheProportionalSetOfSmapsRollup() {
        List<String> rollup = List.of("55d0c-7ffd0 ---p 00000000 00:00 0   [rollup]", "Rss:              141100 kB",
                "Pss:               23456 kB", "Pss_Anon:           3000 kB");

        assertThat(ProcessSampler.pssKb(rollup)).isEqualTo(23456);
    }

    private static ProcessSampler.Stat stat(long pid, long parent) {
        return new ProcessSampler.Stat(pid, parent, 0, 0, 0);
    }
}
