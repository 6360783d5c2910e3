package io.blockwise.live.device;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.blockwise.render.OutputException;
import org.junit.jupiter.api.Test;

/** {@link DeviceOutput}'s refusals, which hold on any machine (with a sound card or without). */
class DeviceOutputTest {
    @Test
    void aDeviceNameNothingMatchesIsOneLineNamingTheNameAndTheMixersThereAre() {
        OutputException e = assertThrows(OutputException.class,
                () -> DeviceOutput.open("no-such-device-7f3a", 48000, 2, 4096, 128));
        String m = e.getMessage();
        assertTrue(m.startsWith("no audio device matches 'no-such-device-7f3a' for 48000 Hz 16-bit 2 channels; available: "), m);
        assertTrue(m.lines().count() == 1, m);
        String available = m.substring(m.indexOf("available: ") + "available: ".length());
        assertTrue(available.equals("none (Java Sound finds no output device)")
                || available.equals(String.join(", ", DeviceOutput.mixers())), m);
    }

    @Test
    void sizesThatAreNotPositiveAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DeviceOutput.open(null, 48000, 2, 0, 128));
        assertThrows(IllegalArgumentException.class, () -> DeviceOutput.open(null, 0, 2, 4096, 128));
    }
}
