"""The outflow meeting (uitstroomoverleg / actietafel): meetings and their deadline,
submissions through the consent gate, the composed agenda, recording case by case,
the active and follow lists with their closing rule, actions, bottlenecks, escalations."""
