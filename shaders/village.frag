#version 330 compatibility
// Village fill colour from the vertex stage; alpha 0 hides the village.
flat in vec4 bp_fill;
uniform float bp_opacity;
out vec4 bp_frag_color;

void main() {
    if (bp_fill.a <= 0.0) {
        discard;
    }
    bp_frag_color = vec4(bp_fill.rgb, bp_fill.a * bp_opacity);
}
