#version 330 compatibility
// Batched village fill: every vertex carries its village's index; the colour follows from the
// village's values and the colouring uniforms, so recolouring never touches the geometry.
in float bp_village;
flat out vec4 bp_fill;

vec4 bp_village_fill(int village);

void main() {
    bp_fill = bp_village_fill(int(bp_village + 0.5));
    gl_Position = gl_ModelViewProjectionMatrix * gl_Vertex;
}
