#version 330 compatibility
// The disc (bp_rim = 0) or its rim, bp_px_scale pixels wide (bp_rim = 1), of a reach square.
in vec2 bp_local;
uniform int bp_rim;
uniform float bp_px_scale;
uniform vec4 bp_reach_color;
out vec4 bp_frag_color;

void main() {
    float r = length(bp_local);  // 1 on the circle
    if (bp_rim == 0) {
        if (r > 1.0) {
            discard;
        }
        bp_frag_color = bp_reach_color;
        return;
    }
    float half_width = 0.5 * max(bp_px_scale, 1.0) * fwidth(r);
    if (abs(r - 1.0) > half_width) {
        discard;
    }
    bp_frag_color = bp_reach_color;
}
